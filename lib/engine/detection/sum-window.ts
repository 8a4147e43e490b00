// A time-bucketed sliding window of running sums (D8): O(1) amortised add and expiry, totals always ready to read.

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

/** Sums of named fields over time buckets; buckets are kept in index order, late samples land in their own bucket. */
export class SumWindow<K extends string> {
  private buckets: Bucket<K>[] = [];
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
      bucket = { idx, sums: zeros(this.fields) };
      this.buckets.splice(i + 1, 0, bucket);
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
    let n = 0;
    while (n < this.buckets.length && (this.buckets[n] as Bucket<K>).idx < firstIdx) {
      const { sums } = this.buckets[n] as Bucket<K>;
      for (const f of this.fields) this.totals[f] -= sums[f];
      n++;
    }
    if (n === 0) return;
    this.buckets.splice(0, n);
    if (this.buckets.length === 0) for (const f of this.fields) this.totals[f] = 0;
  }

  /** Number of live buckets (for memory bounds). */
  get size(): number {
    return this.buckets.length;
  }
}
