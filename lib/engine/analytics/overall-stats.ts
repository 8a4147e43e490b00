// Overall healing figures (docs/engine.md#s-10-1, with docs/decisions.md#d17 MTTR and the range applied to every figure).
import { aggregateRecords, aggregateRollups, resultsIn, totalsOf } from "./aggregate";
import type { FailureRecord, HealingRecord, HealingRollup, HealingTotals, TimeRange } from "./types";

/** Overall figures from raw records, with counts per strategy and per real failure type (docs/engine.md#s-13, row 13). */
export type OverallStats = HealingTotals & {
  by_strategy: Record<string, number>;
  by_failure_type: Record<string, number>;
};

/** Counts items per key, keys in first-seen order. */
export function countBy<T>(items: readonly T[], key: (item: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const item of items) {
    const k = key(item);
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Overall figures over the results finished in `range` (all of them when no range), failures counted by detection time. */
export function overallStats(records: readonly HealingRecord[], range?: TimeRange, failures: readonly FailureRecord[] = []): OverallStats {
  const results = resultsIn(records, range);
  return {
    ...totalsOf(aggregateRecords(results, failures, range)),
    by_strategy: countBy(results, (r) => r.strategy),
    by_failure_type: countBy(results, (r) => r.failureType),
  };
}

/** The same figures (without the breakdowns) from rollup rows whose bucket starts in `range` (docs/decisions.md#d27). */
export function overallStatsFromRollups(rows: readonly HealingRollup[], range?: TimeRange): HealingTotals {
  return totalsOf(aggregateRollups(rows, range));
}
