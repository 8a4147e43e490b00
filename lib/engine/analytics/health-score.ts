// Healing health score 0..100 (D26, the seed's example): 50 × success + 30 × MTTR headroom + 20 × mean strategy rate.

/** Default MTTR target in ms (the seed's value); configurable per call. */
export const DEFAULT_TARGET_MTTR_MS = 500;
/** The value a term takes when there is nothing to measure (the seed's rule for strategies, extended to all terms). */
export const NO_DATA_RATE = 0.5;

/** Inputs: success rate 0..1, MTTR in ms, per-strategy success rates; null = nothing measured. */
export type HealthScoreInput = {
  successRate: number | null;
  mttrMs: number | null;
  strategyRates: readonly number[];
  targetMttrMs?: number;
};

/** The score and its three terms (shown on hover), each rounded to 0.1, plus the MTTR target in force. */
export type HealthScore = {
  score: number;
  success_points: number;
  mttr_points: number;
  strategy_points: number;
  target_mttr_ms: number;
};

const unit = (x: number) => Math.min(1, Math.max(0, x));
const finite = (x: number | null): x is number => x != null && Number.isFinite(x);
const round1 = (x: number) => Math.round(x * 10) / 10;

/** The health score per D26; non-finite inputs count as "nothing measured". Throws on a non-positive target. */
export function healthScore({ successRate, mttrMs, strategyRates, targetMttrMs = DEFAULT_TARGET_MTTR_MS }: HealthScoreInput): HealthScore {
  if (!(targetMttrMs > 0) || !Number.isFinite(targetMttrMs)) throw new RangeError(`targetMttrMs must be a positive number, got ${targetMttrMs}`);
  const success = finite(successRate) ? unit(successRate) : NO_DATA_RATE;
  const mttr = finite(mttrMs) ? Math.max(0, 1 - Math.max(0, mttrMs) / targetMttrMs) : NO_DATA_RATE;
  const rates = strategyRates.filter(Number.isFinite).map(unit);
  const strategy = rates.length > 0 ? rates.reduce((a, b) => a + b, 0) / rates.length : NO_DATA_RATE;
  const parts = { success: 50 * success, mttr: 30 * mttr, strategy: 20 * strategy };
  return {
    score: round1(Math.min(100, parts.success + parts.mttr + parts.strategy)),
    success_points: round1(parts.success),
    mttr_points: round1(parts.mttr),
    strategy_points: round1(parts.strategy),
    target_mttr_ms: targetMttrMs,
  };
}
