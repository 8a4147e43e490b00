// Recommendations from the healing figures (docs/engine.md#s-10-5, rules in order, with docs/decisions.md#d25).
import type { StrategyVerdict } from "./types";

/** Which rule produced a recommendation. */
export type RecommendationCode =
  | "low_success"
  | "excellent_success"
  | "replace_strategy"
  | "tune_strategy"
  | "high_mttr"
  | "common_failure"
  | "enable_gradual_degradation"
  | "enable_circuit_breaker"
  | "performing_well";

/** One recommendation: a stable code for the UI and a readable message. */
export type Recommendation = { code: RecommendationCode; message: string };

/** What the rules read. */
export type RecommendationInput = {
  stats: { total: number; success_rate: number | null; mttr_ms: number | null; by_failure_type: Record<string, number> };
  strategies: readonly { strategy: string; recommendation: StrategyVerdict }[];
  mostCommonFailures: readonly { type: string; count: number }[];
};

/** MTTR above this (ms) asks for faster recovery. */
export const HIGH_MTTR_MS = 5_000;

const rec = (code: RecommendationCode, message: string): Recommendation => ({ code, message });

/** The recommendations, in rule order; "performing well" when no other rule fires. */
export function recommendations({ stats, strategies, mostCommonFailures }: RecommendationInput): Recommendation[] {
  const out: Recommendation[] = [];
  const rate = stats.total > 0 ? stats.success_rate : null;
  if (rate != null && rate < 0.7)
    out.push(rec("low_success", `Overall healing success is low (${pct(rate)}); review the strategy configurations.`));
  else if (rate != null && rate > 0.95)
    out.push(rec("excellent_success", `Overall healing success is excellent (${pct(rate)}); the strategies are effective.`));
  for (const s of strategies) {
    if (s.recommendation === "replace")
      out.push(rec("replace_strategy", `Strategy ${s.strategy} has a low success rate; replace or redesign it.`));
    else if (s.recommendation === "tune") out.push(rec("tune_strategy", `Strategy ${s.strategy} is degrading; tune its parameters.`));
  }
  if (stats.mttr_ms != null && stats.mttr_ms > HIGH_MTTR_MS)
    out.push(rec("high_mttr", `MTTR is high (${Math.round(stats.mttr_ms)} ms); optimise for faster recovery.`));
  const top = mostCommonFailures[0];
  if (top) out.push(rec("common_failure", `Most common failure: ${top.type} (${top.count}); add preventive measures.`));
  const types = Object.keys(stats.by_failure_type);
  if (types.includes("resource_exhaustion"))
    out.push(rec("enable_gradual_degradation", "Resource exhaustion occurs; enable the gradual degradation strategy."));
  if (types.some((t) => t.includes("timeout")))
    out.push(rec("enable_circuit_breaker", "Timeouts occur; enable the circuit breaker strategy."));
  if (out.length === 0) out.push(rec("performing_well", "Healing is performing well; keep monitoring."));
  return out;
}

const pct = (rate: number) => `${(rate * 100).toFixed(1)}%`;
