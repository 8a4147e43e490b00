// Public surface of HealingAnalytics: the per-swarm class and the pure functions the API and DB layers call.
export { HealingAnalytics, DEFAULT_CAPACITY, type HealingAnalyticsOptions } from "./healing-analytics";
export { aggregateRecords, aggregateRollups, totalsOf } from "./aggregate";
export { overallStats, overallStatsFromRollups, type OverallStats } from "./overall-stats";
export {
  strategyEffectiveness,
  strategyTrend,
  strategyVerdict,
  DEFAULT_TREND,
  type StrategyEffectiveness,
  type TrendOptions,
} from "./strategy-effectiveness";
export { failurePatterns, type FailurePatterns } from "./failure-patterns";
export { recommendations, type Recommendation, type RecommendationCode, type RecommendationInput } from "./recommendations";
export { healthScore, DEFAULT_TARGET_MTTR_MS, HEALTH_WEIGHTS, type HealthScore, type HealthScoreInput } from "./health-score";
export { TaskOutcomes } from "./task-success";
export { mttrSeries, rollupRecords, bucketStartOf, BUCKET_MS, MAX_SERIES_BUCKETS, type BucketSize, type MttrPoint } from "./mttr-series";
export { healingReport, healingTimeline, type HealingReport, type TimelineEntry, type ReportOptions } from "./healing-report";
export type * from "./types";
