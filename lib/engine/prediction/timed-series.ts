// A bounded, time-ordered series of samples, with the reference's trend (mean consecutive difference).

/** One sample at event time `ts`. */
export type Sample<T> = { ts: number; value: T };

/** Keeps at most `max` samples ordered by event time (oldest dropped first). */
export class TimedSeries<T> {
  private samples: Sample<T>[] = [];

  constructor(private readonly max: number) {}

  /** Inserts a sample in event-time order (equal times keep arrival order). */
  add(ts: number, value: T): void {
    let i = this.samples.length;
    while (i > 0 && (this.samples[i - 1]?.ts ?? -Infinity) > ts) i--;
    this.samples.splice(i, 0, { ts, value });
    if (this.samples.length > this.max) this.samples.splice(0, this.samples.length - this.max);
  }

  /** Samples with `ts ≥ from`, oldest first. */
  since(from: number): Sample<T>[] {
    return this.samples.filter((s) => s.ts >= from);
  }

  /** Drops samples older than `from`; returns how many remain. */
  prune(from: number): number {
    const keep = this.samples.findIndex((s) => s.ts >= from);
    this.samples = keep < 0 ? [] : this.samples.slice(keep);
    return this.samples.length;
  }

  /** Number of samples held. */
  get size(): number {
    return this.samples.length;
  }
}

/** Mean of consecutive differences, i.e. (last − first) / (n − 1); 0 with fewer than two values (docs/engine.md#s-7-4). */
export function trendOf(values: number[]): number {
  const first = values[0];
  const last = values[values.length - 1];
  return values.length < 2 || first === undefined || last === undefined ? 0 : (last - first) / (values.length - 1);
}

/** Arithmetic mean; 0 for no values. */
export function meanOf(values: number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}
