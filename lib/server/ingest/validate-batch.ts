import { eventSchemaFor, timestampToEpochMs, timestampWindowError } from "../../contract/events";
import { unstorableTextPath } from "./storable-text";

/** Most errors reported for one batch, so a batch full of bad events still yields a small response. */
export const MAX_REPORTED_ERRORS = 100;

/** An accepted event: the object exactly as sent plus normalised fields for storage and indexing. */
export type ValidEvent = {
  raw: Record<string, unknown>;
  id?: string | undefined;
  type: string;
  ts: number;
  agentId?: string | undefined;
  taskId?: string | undefined;
};

/** One problem in a batch: event position, dotted field path ("" = the whole event) and explanation. */
export type ValidationError = { index: number; path: string; message: string };

/** Outcome of validateBatch: all events valid, or the problems found (at most MAX_REPORTED_ERRORS). */
export type ValidateBatchResult = { ok: true; events: ValidEvent[] } | { ok: false; errors: ValidationError[] };

type Problem = Omit<ValidationError, "index">;

/** Validates candidate events against the schema and the timestamp window around `now` (epoch ms). */
export function validateBatch(items: unknown[], now: number): ValidateBatchResult {
  const events: ValidEvent[] = [];
  const errors: ValidationError[] = [];
  for (let index = 0; index < items.length && errors.length < MAX_REPORTED_ERRORS; index++) {
    const outcome = validateEvent(items[index], now);
    if (Array.isArray(outcome)) {
      for (const problem of outcome) errors.push({ index, ...problem });
    } else if (errors.length === 0) {
      events.push(outcome);
    }
  }
  if (errors.length > 0) return { ok: false, errors: errors.slice(0, MAX_REPORTED_ERRORS) };
  return { ok: true, events };
}

/** Validates one candidate event, returning it normalised or every problem found in it. */
function validateEvent(item: unknown, now: number): ValidEvent | Problem[] {
  if (typeof item !== "object" || item === null || Array.isArray(item)) {
    return [{ path: "", message: "event must be a JSON object" }];
  }
  const raw = item as Record<string, unknown>;
  const parsed = eventSchemaFor(raw.type).safeParse(raw);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
  if (problems.some((problem) => problem.path === "timestamp")) return problems;

  // No timestamp issue, so the schema has accepted it as an ISO-8601 string or epoch ms.
  const ts = timestampToEpochMs(raw.timestamp as string | number);
  const windowError = timestampWindowError(ts, now);
  if (windowError !== undefined) problems.push({ path: "timestamp", message: windowError });
  if (!parsed.success || problems.length > 0) return problems;
  const unstorable = unstorableTextPath(raw);
  if (unstorable !== null)
    return [{ path: unstorable, message: "text must not contain NUL (\\u0000) or an unpaired UTF-16 surrogate: it cannot be stored" }];

  const { id, type, agent_id: agentId, task_id: taskId } = parsed.data;
  return { raw, id, type, ts, agentId, taskId };
}
