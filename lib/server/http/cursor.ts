// Keyset cursors for newest-first lists: an opaque encoding of the (time, key) of the last item of a page.
import { z } from "zod";
import { ApiError } from "./errors";

/** Encodes the (time, key) of the last item returned. */
export function encodeCursor(t: Date, key: string): string {
  return Buffer.from(`${t.getTime()}:${key}`).toString("base64url");
}

/** Decodes a cursor made by encodeCursor; 400 when it is not one. */
export function decodeCursor(cursor: string): { t: Date; key: string } {
  const m = /^(\d+):(.+)$/.exec(Buffer.from(cursor, "base64url").toString());
  if (!m) throw new ApiError(400, "invalid_cursor", "The cursor is not valid.");
  return { t: new Date(Number(m[1])), key: m[2]! };
}

/** An instant in a query string: epoch ms or ISO-8601. */
export const instantParam = z.union([
  z.coerce.number().int().nonnegative(),
  z.iso.datetime({ offset: true }).transform((s) => Date.parse(s)),
]);

/** Query parameters shared by every paged, time-bounded list. */
export const pageQuery = z.object({
  from: instantParam.optional(),
  to: instantParam.optional(),
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

const DAY = 86_400_000;

/** The time window of a query: `to` defaults to now (+5 min of allowed skew), `from` to `defaultSpan` before `to`. */
export function timeWindow(
  q: { from?: number | undefined; to?: number | undefined },
  now: number,
  defaultSpanMs = 7 * DAY,
): { from: Date; to: Date } {
  const to = q.to ?? now + 5 * 60_000;
  const from = q.from ?? to - defaultSpanMs;
  if (from > to) throw new ApiError(400, "invalid_range", "`from` must not be after `to`.");
  return { from: new Date(from), to: new Date(to) };
}

/** Splits `limit + 1` fetched rows into a page and the cursor of the next one. */
export function toPage<T>(
  rows: T[],
  limit: number,
  keyOf: (row: T) => { t: Date; key: string },
): { page: T[]; next_cursor: string | null } {
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return { page, next_cursor: rows.length > limit && last ? encodeCursor(keyOf(last).t, keyOf(last).key) : null };
}
