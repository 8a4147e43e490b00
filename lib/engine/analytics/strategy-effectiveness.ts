// Per-strategy effectiveness: counts, rates, durations, trend (docs/decisions.md#d24: newest k results) and a verdict (docs/engine.md#s-10-3).
import { aggregateRecords, resultsIn, totalsOf } from "./aggregate";
import type { StrategyEffectiveness } from "../../contract/items/analytics";
import type { HealingRecord, StrategyVerdict, TimeRange, Trend } from "./types";

/** Trend parameters (docs/engine.md#s-10-3 defaults). */
export type TrendOptions = { minSamples: number; maxRecent: number; threshold: number };

/** The original's trend parameters: ≥ 10 results, recent = min(⌊n/3⌋, 20), ±0.05. */
export const DEFAULT_TREND: TrendOptions = { minSamples: 10, maxRecent: 20, threshold: 0.05 };

/** One row of analytics/strategies: the contract's (docs/contract.md#read-and-act). */
export type { StrategyEffectiveness };

/** Rate differences within this of the threshold count as on it (so 0.9 − 0.85 is not "above 0.05"). */
const EPS = 1e-9;
const rateOf = (outcomes: readonly boolean[]) => outcomes.filter(Boolean).length / outcomes.length;

/** Trend of chronological outcomes (true = success): the newest k against all older ones (docs/decisions.md#d24). */
export function strategyTrend(outcomes: readonly boolean[], opts: TrendOptions = DEFAULT_TREND): Trend {
  const n = outcomes.length;
  if (n < opts.minSamples) return "stable";
  const k = Math.min(Math.floor(n / 3), opts.maxRecent);
  const diff = rateOf(outcomes.slice(n - k)) - rateOf(outcomes.slice(0, n - k));
  if (diff > opts.threshold + EPS) return "improving";
  if (diff < -opts.threshold - EPS) return "degrading";
  return "stable";
}

/** The verdict for a strategy: first matching rule of docs/engine.md#s-10-3 wins. */
export function strategyVerdict(rate: number, trend: Trend): StrategyVerdict {
  if (rate >= 0.9 && trend !== "degrading") return "keep";
  if (rate >= 0.7 && trend === "degrading") return "tune";
  if (rate < 0.5) return "replace";
  if (trend === "degrading") return "investigate";
  return "monitor";
}

/** Effectiveness of every strategy with results in `range`, best success rate first (ties by name). */
export function strategyEffectiveness(
  records: readonly HealingRecord[],
  opts: { range?: TimeRange | undefined; trend?: TrendOptions } = {},
): StrategyEffectiveness[] {
  const groups = new Map<string, HealingRecord[]>();
  for (const r of resultsIn(records, opts.range)) {
    const group = groups.get(r.strategy);
    if (group) group.push(r);
    else groups.set(r.strategy, [r]);
  }
  const rows = [...groups].map(([strategy, results]) => {
    const totals = totalsOf(aggregateRecords(results));
    const rate = totals.success_rate ?? 0;
    const trend = strategyTrend(
      results.map((r) => r.status === "succeeded"),
      opts.trend,
    );
    return {
      strategy,
      success_count: totals.succeeded,
      failure_count: totals.failed,
      success_rate: rate,
      avg_heal_ms: totals.avg_heal_ms ?? 0,
      mttr_ms: totals.mttr_ms,
      trend,
      recommendation: strategyVerdict(rate, trend),
    };
  });
  return rows.sort((a, b) => b.success_rate - a.success_rate || (a.strategy < b.strategy ? -1 : a.strategy > b.strategy ? 1 : 0));
}
