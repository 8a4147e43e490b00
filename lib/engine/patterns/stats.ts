// Small statistics shared by the pattern families: mean, sample standard deviation, regularity.

/** Arithmetic mean (0 for an empty list). */
export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length === 0 ? 0 : sum / values.length;
}

/** Sample standard deviation (n − 1), two-pass; 0 with fewer than 2 values. */
export function sampleStdev(values: readonly number[]): number {
  if (values.length < 2) return 0;
  const m = mean(values);
  let sq = 0;
  for (const v of values) sq += (v - m) * (v - m);
  return Math.sqrt(sq / (values.length - 1));
}

/** `max(0, 1 − stdev / max(mean, 1))`, or 0.5 (neutral) with fewer than 2 values (reference §5.3). */
export function regularity(values: readonly number[]): number {
  if (values.length < 2) return 0.5;
  return Math.max(0, 1 - sampleStdev(values) / Math.max(mean(values), 1));
}

/** Differences between consecutive values. */
export function gaps(values: readonly number[]): number[] {
  const out: number[] = [];
  for (let i = 1; i < values.length; i++) out.push(values[i]! - values[i - 1]!);
  return out;
}
