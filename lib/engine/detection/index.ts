// Public surface of the bottleneck detector (folder lib/engine/detection).

/** The per-swarm detector and its memory figures. */
export { BottleneckDetector, type DetectorMemory } from "./bottleneck-detector";
/** Deterministic fleet workloads and id generators for benchmarks and tests. */
export {
  DEFAULT_FLEET,
  fleetAgentId,
  fleetWorkload,
  loadedDetector,
  sequentialIds,
  type FleetOptions,
  type FleetWorkload,
} from "./load-fixture";
/** The pure lifecycle step (detected → updated → resolved with hold-down). */
export { identityOf, stepLifecycle, type LifecycleOptions, type LifecycleState, type Tracked } from "./lifecycle";
/** Performance report math (docs/engine.md#s-4-5, docs/decisions.md#d7). */
export { movingAverage, percentile, trendOf, type PerformanceReport, type TaskRow, type Trend } from "./performance-report";
/** Fixed recommendations per type (docs/engine.md#s-4-4). */
export { RECOMMENDATIONS, recommendationsFor } from "./recommendations";
/** The docs/decisions.md#d5 severity table as pure grading functions. */
export { gradeConsensus, gradeQueue, gradeQuotaUsage, gradeSlowAgent, gradeTokenUsage, THRESHOLDS } from "./severity-table";
/** Impact bands (docs/engine.md#s-4-3). */
export { impactOf, severityOfImpact, type Grade } from "./severity";
/** Enumerations and defaults. */
export { BOTTLENECK_TYPES, DEFAULT_DETECTOR_CONFIG, SEVERITIES } from "./types";
/** Record, finding and config types. */
export type {
  Bottleneck,
  BottleneckChanges,
  BottleneckMetrics,
  BottleneckType,
  DetectorConfig,
  Finding,
  MetricValue,
  Severity,
} from "./types";
