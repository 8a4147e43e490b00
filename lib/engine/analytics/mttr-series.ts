// Time-bucketed healing series (contract analytics/mttr) from rollup rows, and raw records → rollup rows (docs/decisions.md#d27).
import { addResult, addRollup, emptyAggregate, inRange, isResult, outcomeAt, ratio } from "./aggregate";
import type { Aggregate, FailureRecord, HealingRecord, HealingRollup } from "./types";

/** Bucket sizes in ms (UTC-aligned: epoch 0 is a UTC midnight). */
export const BUCKET_MS = { minute: 60_000, hour: 3_600_000, day: 86_400_000 } as const;
/** A bucket size name. */
export type BucketSize = keyof typeof BUCKET_MS;
/** The most buckets one series may hold (docs/decisions.md#d3); longer requests throw a RangeError. */
export const MAX_SERIES_BUCKETS = 50_000;

/** One point of analytics/mttr; `mttr_ms`, `avg_heal_ms` and `success_rate` are null (a gap, not a zero) where nothing was measured. */
export type MttrPoint = {
  bucket_start: number;
  mttr_ms: number | null;
  /** Mean heal duration (docs/decisions.md#d17: action issued → finished) of the bucket's results; added beside MTTR, never instead of it. */
  avg_heal_ms: number | null;
  healings: number;
  failures: number;
  success_rate: number | null;
};

/** Start of the bucket holding `t`. */
export function bucketStartOf(t: number, sizeMs: number): number {
  return Math.floor(t / sizeMs) * sizeMs;
}

const rollupOf = (bucketStart: number, a: Aggregate): HealingRollup => ({
  bucketStart,
  healings: a.healings,
  healingsSucceeded: a.succeeded,
  healMsSum: a.healMsSum,
  recoveryMsSum: a.recoveryMsSum,
  recoveries: a.recoveries,
  failures: a.failures,
});

/** Rolls raw records up the way rollup rows must be written: results by outcome time, failures by detection time; oldest bucket first. */
export function rollupRecords(records: readonly HealingRecord[], failures: readonly FailureRecord[], size: BucketSize): HealingRollup[] {
  const sizeMs = BUCKET_MS[size];
  const buckets = new Map<number, Aggregate>();
  const at = (t: number) => {
    const start = bucketStartOf(t, sizeMs);
    let agg = buckets.get(start);
    if (!agg) buckets.set(start, (agg = emptyAggregate()));
    return agg;
  };
  for (const r of records) if (isResult(r)) addResult(at(outcomeAt(r)), r);
  for (const f of failures) at(f.detectedAt).failures += 1;
  return [...buckets].sort(([a], [b]) => a - b).map(([start, agg]) => rollupOf(start, agg));
}

/** The series over [from, to) in `bucket` steps, summing rows (of this or a finer size) that start in the range; empty buckets are gaps. */
export function mttrSeries(rows: readonly HealingRollup[], q: { from: number; to: number; bucket: BucketSize }): MttrPoint[] {
  const sizeMs = BUCKET_MS[q.bucket];
  const first = bucketStartOf(q.from, sizeMs);
  const count = q.to > q.from ? Math.ceil((q.to - first) / sizeMs) : 0;
  if (count > MAX_SERIES_BUCKETS) throw new RangeError(`series of ${count} ${q.bucket} buckets exceeds ${MAX_SERIES_BUCKETS}`);
  const sums = Array.from({ length: count }, emptyAggregate);
  for (const row of rows) {
    if (!inRange(row.bucketStart, q)) continue;
    const agg = sums[(bucketStartOf(row.bucketStart, sizeMs) - first) / sizeMs];
    if (agg) addRollup(agg, row);
  }
  return sums.map((a, i) => ({
    bucket_start: first + i * sizeMs,
    mttr_ms: ratio(a.recoveryMsSum, a.recoveries),
    avg_heal_ms: ratio(a.healMsSum, a.healings),
    healings: a.healings,
    failures: a.failures,
    success_rate: ratio(a.succeeded, a.healings),
  }));
}
