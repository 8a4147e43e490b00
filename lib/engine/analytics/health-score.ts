// Swarm health score 0..100 (docs/decisions.md#d26 revised): 50 × task success + 30 × MTTR headroom + 20 × mean strategy rate, where a
// term with nothing measured is left out and the others are rescaled to 100; nothing measured at all is no score.

/** Default MTTR target in ms: agent systems recover in seconds (heartbeat and verification intervals), not the seed's 500 ms. */
export const DEFAULT_TARGET_MTTR_MS = 30_000;

/** The weight of each term when all three are measured (the seed's 50/30/20). */
export const HEALTH_WEIGHTS = { success: 50, mttr: 30, strategy: 20 } as const;

/**
 * Inputs; null (or non-finite) = nothing measured. `successRate` is the share of the swarm's finished tasks that
 * succeeded: a swarm whose work succeeds and that never needs healing is healthy, and healing quality is what the
 * MTTR and strategy terms measure.
 */
export type HealthScoreInput = {
  successRate: number | null;
  mttrMs: number | null;
  strategyRates: readonly number[];
  targetMttrMs?: number | undefined;
};

/**
 * The score and the points each term contributes after rescaling (they add up to the score), rounded to 0.1; a term
 * left out has null points, and with no term measured the score is null. Carries the MTTR target in force.
 */
export type HealthScore = {
  score: number | null;
  success_points: number | null;
  mttr_points: number | null;
  strategy_points: number | null;
  target_mttr_ms: number;
};

const unit = (x: number) => Math.min(1, Math.max(0, x));
const finite = (x: number | null): x is number => x != null && Number.isFinite(x);
const round1 = (x: number) => Math.round(x * 10) / 10;
const mean = (xs: readonly number[]) => (xs.length > 0 ? xs.reduce((a, b) => a + b, 0) / xs.length : null);

/** The health score per docs/decisions.md#d26; non-finite inputs count as "nothing measured". Throws on a non-positive target. */
export function healthScore({ successRate, mttrMs, strategyRates, targetMttrMs = DEFAULT_TARGET_MTTR_MS }: HealthScoreInput): HealthScore {
  if (!(targetMttrMs > 0) || !Number.isFinite(targetMttrMs))
    throw new RangeError(`targetMttrMs must be a positive number, got ${targetMttrMs}`);
  const rates = {
    success: finite(successRate) ? unit(successRate) : null,
    mttr: finite(mttrMs) ? unit(1 - Math.max(0, mttrMs) / targetMttrMs) : null,
    strategy: mean(strategyRates.filter(Number.isFinite).map(unit)),
  };
  const measured = (Object.keys(rates) as (keyof typeof rates)[]).filter((k) => rates[k] !== null);
  const scale = 100 / measured.reduce((sum, k) => sum + HEALTH_WEIGHTS[k], 0);
  const points = (k: keyof typeof rates) => (rates[k] === null ? null : HEALTH_WEIGHTS[k] * rates[k] * scale);
  const raw = measured.reduce((sum, k) => sum + points(k)!, 0);
  const rounded = (k: keyof typeof rates) => (rates[k] === null ? null : round1(points(k)!));
  return {
    score: measured.length === 0 ? null : round1(Math.min(100, raw)),
    success_points: rounded("success"),
    mttr_points: rounded("mttr"),
    strategy_points: rounded("strategy"),
    target_mttr_ms: targetMttrMs,
  };
}
