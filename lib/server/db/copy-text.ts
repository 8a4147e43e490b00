// Rows in Postgres COPY text format (tab-separated, \N for NULL, backslash escapes), for COPY … FROM STDIN.

const SPECIAL = /[\\\t\n\r]/;
const SPECIALS = /[\\\t\n\r]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const ESCAPES: Record<string, string> = { "\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** One text field: NULL as \N, the characters COPY treats specially escaped. Throws on a lone surrogate, which
 * UTF-8 cannot carry (it would be stored silently replaced). */
export function copyField(value: string | null): string {
  if (value === null) return "\\N";
  if (LONE_SURROGATE.test(value)) throw new Error("text with a lone UTF-16 surrogate cannot be stored");
  return SPECIAL.test(value) ? value.replace(SPECIALS, (c) => ESCAPES[c]!) : value;
}

/** A JSON document as a field: JSON.stringify leaves no raw tab, newline or carriage return, so only backslashes
 * need doubling. */
export function copyJson(value: unknown): string {
  const json = JSON.stringify(value);
  return json.includes("\\") ? json.replaceAll("\\", "\\\\") : json;
}
