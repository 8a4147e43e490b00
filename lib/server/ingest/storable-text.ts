// Text Postgres cannot store: a NUL character (jsonb and text reject it) or a lone UTF-16 surrogate (no UTF-8 form).
// JSON can carry both as escapes (\u0000, \ud800), so a valid-looking event could fail the whole group commit it
// lands in; it is refused at validation instead, with the path to the offending key or value.

/** Whether `s` can be stored as Postgres text/jsonb: no NUL, every surrogate in a high-low pair. */
export function isStorableText(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0) return false;
    if (c < 0xd800 || c > 0xdfff) continue;
    if (c > 0xdbff || i + 1 === s.length) return false;
    const next = s.charCodeAt(i + 1);
    if (next < 0xdc00 || next > 0xdfff) return false;
    i++;
  }
  return true;
}

/** The dotted path of the first key or string value in `value` that cannot be stored, or null when all can. */
export function unstorableTextPath(value: unknown): string | null {
  return holdsUnstorable(value) ? pathTo(value, "") : null;
}

/** The quick check on the ingest path: no path strings are built unless something is found. */
function holdsUnstorable(value: unknown): boolean {
  if (typeof value === "string") return !isStorableText(value);
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (holdsUnstorable(item)) return true;
    return false;
  }
  for (const key in value) if (!isStorableText(key) || holdsUnstorable((value as Record<string, unknown>)[key])) return true;
  return false;
}

function pathTo(value: unknown, path: string): string | null {
  if (typeof value === "string") return isStorableText(value) ? null : path;
  if (typeof value !== "object" || value === null) return null;
  const join = (k: string) => (path ? `${path}.${k}` : k);
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const found = pathTo(value[i], join(String(i)));
      if (found !== null) return found;
    }
    return null;
  }
  for (const key in value) {
    if (!isStorableText(key)) return join(key);
    const found = pathTo((value as Record<string, unknown>)[key], join(key));
    if (found !== null) return found;
  }
  return null;
}
