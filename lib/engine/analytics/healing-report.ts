// The full healing report (docs/engine.md#s-10-6 export_report) and the recent-results timeline, over one time range.
import { healDuration, outcomeAt, resultsIn } from "./aggregate";
import { failurePatterns, type FailurePatterns } from "./failure-patterns";
import { healthScore, type HealthScore } from "./health-score";
import { overallStats, type OverallStats } from "./overall-stats";
import { recommendations, type Recommendation } from "./recommendations";
import { strategyEffectiveness, type StrategyEffectiveness } from "./strategy-effectiveness";
import type { FailureRecord, HealingRecord, HealingTrigger, TimeRange } from "./types";

/** One timeline row. */
export type TimelineEntry = {
  healing_id: string;
  finished_at: number;
  strategy: string;
  failure_type: string;
  trigger: HealingTrigger;
  success: boolean;
  heal_ms: number;
  recovery_ms: number | null;
};

/** Everything analytics knows about a range, in one serialisable object. */
export type HealingReport = {
  generated_at: number;
  overall_stats: OverallStats;
  strategy_effectiveness: StrategyEffectiveness[];
  failure_patterns: FailurePatterns;
  recommendations: Recommendation[];
  health: HealthScore;
  recent_timeline: TimelineEntry[];
};

/** The newest `limit` results in `range`, newest first. */
export function healingTimeline(records: readonly HealingRecord[], limit = 50, range?: TimeRange): TimelineEntry[] {
  const results = resultsIn(records, range);
  return results
    .slice(results.length - Math.min(results.length, Math.max(0, limit)))
    .reverse()
    .map((r) => ({
      healing_id: r.id,
      finished_at: outcomeAt(r),
      strategy: r.strategy,
      failure_type: r.failureType,
      trigger: r.trigger,
      success: r.status === "succeeded",
      heal_ms: healDuration(r),
      recovery_ms: r.recoveryMs ?? null,
    }));
}

/** Options of `healingReport`. */
export type ReportOptions = {
  now: number;
  range?: TimeRange | undefined;
  failures?: readonly FailureRecord[];
  targetMttrMs?: number | undefined;
  taskSuccessRate?: number | null;
};

/** Overall stats, strategies, patterns, recommendations, health score (its success term from `taskSuccessRate`) and the 20 newest results, all over `range`. */
export function healingReport(records: readonly HealingRecord[], opts: ReportOptions): HealingReport {
  const overall = overallStats(records, opts.range, opts.failures);
  const strategies = strategyEffectiveness(records, { range: opts.range });
  const patterns = failurePatterns(records, opts.range);
  return {
    generated_at: opts.now,
    overall_stats: overall,
    strategy_effectiveness: strategies,
    failure_patterns: patterns,
    recommendations: recommendations({ stats: overall, strategies, mostCommonFailures: patterns.most_common_failures }),
    health: healthScore({
      successRate: opts.taskSuccessRate ?? null,
      mttrMs: overall.mttr_ms,
      strategyRates: strategies.map((s) => s.success_rate),
      targetMttrMs: opts.targetMttrMs,
    }),
    recent_timeline: healingTimeline(records, 20, opts.range),
  };
}
