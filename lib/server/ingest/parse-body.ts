/** Most events accepted in one ingest request; more yields a "too_large" outcome (HTTP 413). */
export const MAX_EVENTS_PER_REQUEST = 5000;

/** Largest accepted request body in bytes; larger yields a "too_large" outcome (HTTP 413). */
export const MAX_BODY_BYTES = 5 * 1024 * 1024;

/** Why a body could not be turned into candidate events; the HTTP layer maps each kind to a status code. */
export type ParseBodyErrorKind = "malformed" | "unsupported_media_type" | "too_large";

/** Outcome of parseBody: the candidate events (not yet validated) or a classified, client-facing error. */
export type ParseBodyResult = { ok: true; items: unknown[] } | { ok: false; kind: ParseBodyErrorKind; message: string };

type BodyFormat = "json" | "ndjson";

const FORMATS_BY_MEDIA_TYPE = new Map<string, BodyFormat>([
  ["", "json"],
  ["application/json", "json"],
  ["application/x-ndjson", "ndjson"],
  ["application/ndjson", "ndjson"],
  ["application/jsonl", "ndjson"],
  // What `curl -d` and simple HTTP clients send by default: the body is still read as JSON.
  ["text/plain", "json"],
  ["application/x-www-form-urlencoded", "json"],
]);

const TOO_MANY_EVENTS = `body contains more than ${MAX_EVENTS_PER_REQUEST} events; the limit per request is ${MAX_EVENTS_PER_REQUEST}`;
const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Splits a raw ingest body into candidate events according to its Content-Type (missing means JSON). */
export function parseBody(body: Uint8Array | string, contentType: string | null | undefined): ParseBodyResult {
  const mediaType = (contentType ?? "").split(";", 1)[0]?.trim().toLowerCase() ?? "";
  const format = FORMATS_BY_MEDIA_TYPE.get(mediaType);
  if (format === undefined) {
    const message = `unsupported content type "${mediaType}"; use application/json or application/x-ndjson`;
    return failure("unsupported_media_type", message);
  }
  const bytes = typeof body === "string" ? Buffer.byteLength(body, "utf8") : body.byteLength;
  if (bytes > MAX_BODY_BYTES) {
    return failure("too_large", `body is ${bytes} bytes; the limit is ${MAX_BODY_BYTES}`);
  }
  const text = decode(body);
  if (text === undefined) return failure("malformed", "body is not valid UTF-8");
  return format === "json" ? parseJson(text) : parseNdjson(text);
}

/** Decodes UTF-8 and drops a leading byte-order mark; undefined when the bytes are not valid UTF-8. */
function decode(body: Uint8Array | string): string | undefined {
  if (typeof body === "string") return body.startsWith("\uFEFF") ? body.slice(1) : body;
  try {
    return utf8.decode(body);
  } catch {
    return undefined;
  }
}

/** Accepts a JSON array of events or an object whose `events` property is one. */
function parseJson(text: string): ParseBodyResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    return failure("malformed", `invalid JSON: ${(error as SyntaxError).message}`);
  }
  const items = Array.isArray(parsed) ? parsed : eventsOf(parsed);
  if (items === undefined) {
    return failure("malformed", 'body must be a JSON array of events or an object with an "events" array');
  }
  if (items.length > MAX_EVENTS_PER_REQUEST) return failure("too_large", TOO_MANY_EVENTS);
  return { ok: true, items };
}

/** The `events` array of an envelope object, or undefined when `value` is not such an envelope. */
function eventsOf(value: unknown): unknown[] | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const events: unknown = (value as { events?: unknown }).events;
  return Array.isArray(events) ? events : undefined;
}

/** Parses one JSON value per non-blank line, stopping as soon as the event limit is exceeded. */
function parseNdjson(text: string): ParseBodyResult {
  const items: unknown[] = [];
  let lineNumber = 0;
  let start = 0;
  while (start < text.length) {
    lineNumber++;
    const newline = text.indexOf("\n", start);
    const end = newline === -1 ? text.length : newline;
    const line = text.slice(start, end);
    start = end + 1;
    if (line.trim() === "") continue;
    if (items.length === MAX_EVENTS_PER_REQUEST) return failure("too_large", TOO_MANY_EVENTS);
    try {
      items.push(JSON.parse(line));
    } catch (error) {
      return failure("malformed", `invalid JSON on line ${lineNumber}: ${(error as SyntaxError).message}`);
    }
  }
  return { ok: true, items };
}

function failure(kind: ParseBodyErrorKind, message: string): ParseBodyResult {
  return { ok: false, kind, message };
}
