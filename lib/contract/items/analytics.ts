// A swarm's analytics as GET /swarms/{swarm}/analytics/{overview,mttr,strategies} answer (docs/contract.md#read-and-act).
import type { HealthTerms } from "./metrics";

/** Strategy trend (docs/decisions.md#d24: newest k results against the rest). */
export type Trend = "improving" | "stable" | "degrading";

/** Per-strategy verdict (docs/engine.md#s-10-3). */
export type StrategyVerdict = "keep" | "tune" | "replace" | "investigate" | "monitor";

/** One row of analytics/strategies. */
export type StrategyEffectiveness = {
  strategy: string;
  success_count: number;
  failure_count: number;
  success_rate: number;
  avg_heal_ms: number;
  mttr_ms: number | null;
  trend: Trend;
  recommendation: StrategyVerdict;
};

/** One bucket of analytics/mttr; `mttr_ms`, `avg_heal_ms` and `success_rate` are null (a gap, not a zero) where nothing was measured. */
export type MttrPoint = {
  bucket_start: string;
  mttr_ms: number | null;
  /** Mean heal duration (docs/decisions.md#d17: action issued → finished) of the bucket's results; added beside MTTR, never instead of it. */
  avg_heal_ms: number | null;
  healings: number;
  failures: number;
  success_rate: number | null;
};

/** The `prediction` block of analytics/overview; rates are null before anything settled. */
export type PredictionQuality = {
  total: number;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  false_positive_rate: number | null;
  median_lead_ms: number | null;
};

/** The `healing` block of analytics/overview. */
export type HealingQuality = { total: number; success_rate: number | null; mttr_ms: number | null; avg_heal_ms: number | null };

/** analytics/overview: health score (with its terms), healing and prediction figures, active bottlenecks, throughput. */
export type AnalyticsOverview = {
  health_score: number | null;
  health: HealthTerms & { score: number | null };
  healing: HealingQuality;
  prediction: PredictionQuality;
  bottlenecks: { active: number; by_type: Record<string, number> };
  throughput_per_s: number;
};
