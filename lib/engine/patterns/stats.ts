// Small statistics of the pattern learner: median and the Poisson upper tail (how likely a count is by chance).

/** Median (mean of the middle two for an even count); NaN for an empty list. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** ln(k!) by summation (k is at most the history size). */
function logFactorial(k: number): number {
  let sum = 0;
  for (let j = 2; j <= k; j++) sum += Math.log(j);
  return sum;
}

/**
 * P(X ≥ k) for X ~ Poisson(λ): the chance of seeing at least `k` co-occurrences when λ are expected from
 * independent types. 1 when k ≤ λ (never unlikely), 0 when λ = 0 < k.
 */
export function poissonTail(k: number, lambda: number): number {
  if (k <= lambda) return 1;
  if (lambda <= 0) return 0;
  let term = Math.exp(-lambda + k * Math.log(lambda) - logFactorial(k));
  let sum = 0;
  for (let j = k; term > sum * 1e-15; j++) {
    sum += term;
    term *= lambda / (j + 1);
  }
  return Math.min(1, sum);
}
