// Time ranges of the history charts: the presets, a custom from/to, and the bucket size each one is read in.
import { BUCKET_MS, type BucketSize } from "@/lib/engine";

/** A preset range an operator can pick. */
export type RangePreset = "1h" | "24h" | "7d" | "30d";

/** The presets in display order, with their length. */
export const RANGE_PRESETS: readonly { value: RangePreset; label: string; ms: number }[] = [
  { value: "1h", label: "1 h", ms: 3_600_000 },
  { value: "24h", label: "24 h", ms: 86_400_000 },
  { value: "7d", label: "7 d", ms: 7 * 86_400_000 },
  { value: "30d", label: "30 d", ms: 30 * 86_400_000 },
];

/** The range a chart shows: a preset ending now, or a fixed custom window. */
export type RangeSelection = { preset: RangePreset } | { preset: "custom"; from: number; to: number };

/** A resolved request window with its bucket size. */
export type ChartWindow = { from: number; to: number; bucket: BucketSize };

const HOUR = BUCKET_MS.hour;
const DAY = BUCKET_MS.day;

/** The bucket size for a span: minutes up to 3 h, hours up to 8 d, days beyond (a few dozen to ~200 points). */
export function bucketForSpan(spanMs: number): BucketSize {
  if (spanMs <= 3 * HOUR) return "minute";
  if (spanMs <= 8 * DAY) return "hour";
  return "day";
}

/** The window a selection covers at `now`; a preset ends at `now`, its start aligned down to its bucket. */
export function resolveRange(sel: RangeSelection, now: number): ChartWindow {
  if (sel.preset === "custom") {
    const [from, to] = sel.from <= sel.to ? [sel.from, sel.to] : [sel.to, sel.from];
    return { from, to, bucket: bucketForSpan(to - from) };
  }
  const ms = RANGE_PRESETS.find((p) => p.value === sel.preset)!.ms;
  const bucket = bucketForSpan(ms);
  const size = BUCKET_MS[bucket];
  return { from: Math.floor((now - ms) / size) * size + size, to: now, bucket };
}

/** An instant as the value of an `<input type="datetime-local">` (local time, minute precision). */
export function toDateTimeLocal(ms: number): string {
  const d = new Date(ms);
  return new Date(ms - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
}
