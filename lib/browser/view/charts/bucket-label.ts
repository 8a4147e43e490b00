// Axis labels of time buckets: clock time for minute/hour buckets within a day, date (and time) beyond.
import type { BucketSize } from "@/lib/engine";

const DAY = 86_400_000;

/** The label of a bucket starting at `t` in a series of `bucket` steps spanning `spanMs`, in `timeZone` (default: the browser's). */
export function bucketLabel(t: number, bucket: BucketSize, spanMs: number, timeZone?: string): string {
  const opts: Intl.DateTimeFormatOptions =
    bucket === "day"
      ? { month: "short", day: "numeric" }
      : spanMs <= DAY
        ? { hour: "2-digit", minute: "2-digit", hourCycle: "h23" }
        : { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", hourCycle: "h23" };
  return new Intl.DateTimeFormat("en-US", { ...opts, timeZone }).format(t);
}
