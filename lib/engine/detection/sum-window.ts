// A time-bucketed sliding window of running sums (docs/decisions.md#d8): O(1) amortised add and expiry, totals always ready to read.
// Expired buckets are kept (a few) and reused, so a steady window allocates nothing as it slides.

type Bucket<K extends string> = { idx: number; sums: Record<K, number> };

const zeros = <K extends string>(fields: readonly K[]): Record<K, number> => {
  const out = {} as Record<K, number>;
  for (const f of fields) out[f] = 0;
  return out;
};

/** Index of the oldest bucket still inside a window of `windowMs` ending at `now`. */
export function firstBucketIndex(now: number, windowMs: number, bucketMs: number): number {
  return Math.floor((now - windowMs) / bucketMs);
}

/** Expired buckets a window keeps for reuse (bounded, docs/decisions.md#d3). */
export const SPARE_BUCKETS = 4;

/** Sums of named fields over time buckets; buckets are kept in index order, late samples land in their own bucket. */
export class SumWindow<K extends string> {
  private readonly buckets: Bucket<K>[] = [];
  /** Expired buckets kept for reuse: the first `spares` (slots are overwritten, never emptied, so never reallocated). */
  private readonly spare: Bucket<K>[] = [];
  private spares = 0;
  /** Current sums over every live bucket (read-only for callers). */
  readonly totals: Record<K, number>;

  constructor(
    private readonly fields: readonly K[],
    private readonly bucketMs: number,
  ) {
    this.totals = zeros(fields);
  }

  /** Adds a sample stamped `ts` (event time); absent fields add nothing. */
  add(ts: number, sample: Partial<Record<K, number>>): void {
    const idx = Math.floor(ts / this.bucketMs);
    let i = this.buckets.length - 1;
    while (i >= 0 && (this.buckets[i] as Bucket<K>).idx > idx) i--;
    let bucket = this.buckets[i];
    if (!bucket || bucket.idx !== idx) {
      bucket = this.freshBucket(idx);
      if (i === this.buckets.length - 1) this.buckets.push(bucket);
      else this.buckets.splice(i + 1, 0, bucket);
    }
    for (const f of this.fields) {
      const v = sample[f];
      if (v === undefined) continue;
      bucket.sums[f] += v;
      this.totals[f] += v;
    }
  }

  /** Drops the buckets older than `firstIdx`, subtracting them from the totals (exact zeros once empty). */
  expire(firstIdx: number): void {
    const buckets = this.buckets;
    if (buckets.length === 0 || (buckets[0] as Bucket<K>).idx >= firstIdx) return;
    while (buckets.length > 0 && (buckets[0] as Bucket<K>).idx < firstIdx) {
      const bucket = buckets.shift() as Bucket<K>; // in place (V8 moves or trims the front); splice allocates
      for (const f of this.fields) this.totals[f] -= bucket.sums[f];
      if (this.spares < SPARE_BUCKETS) this.spare[this.spares++] = bucket;
    }
    if (buckets.length === 0) for (const f of this.fields) this.totals[f] = 0;
  }

  /** A zeroed bucket for `idx`: a spare one when there is one. */
  private freshBucket(idx: number): Bucket<K> {
    if (this.spares === 0) return { idx, sums: zeros(this.fields) };
    const bucket = this.spare[--this.spares] as Bucket<K>;
    bucket.idx = idx;
    for (const f of this.fields) bucket.sums[f] = 0;
    return bucket;
  }

  /** Number of live buckets (for memory bounds). */
  get size(): number {
    return this.buckets.length;
  }
}
