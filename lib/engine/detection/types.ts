// Shared types of the bottleneck detector: the persisted bottleneck record, rule findings, lifecycle changes, config.

/** The five bottleneck kinds (docs/engine.md#s-2-1), in the fixed detection order (docs/engine.md#s-4-1). */
export const BOTTLENECK_TYPES = ["token_exhaustion", "quota_exceeded", "slow_agent", "task_queue_backlog", "consensus_timeout"] as const;

/** One bottleneck kind. */
export type BottleneckType = (typeof BOTTLENECK_TYPES)[number];

/** Severity levels, lowest first. */
export const SEVERITIES = ["low", "medium", "high", "critical"] as const;

/** One severity level. */
export type Severity = (typeof SEVERITIES)[number];

/** A JSON-serialisable value (bottleneck metrics are stored and served as-is). */
export type MetricValue = number | string | boolean | null | MetricValue[] | { [key: string]: MetricValue };

/** Per-type measurements of a bottleneck; keys are snake_case because they cross the API unchanged. */
export type BottleneckMetrics = { [key: string]: MetricValue };

/** What one rule found for one (type, resource) at one instant; the lifecycle turns findings into records. */
export type Finding = {
  type: BottleneckType;
  /** Identity within the type: "global", "agents", "task_queue", "consensus", or an agent id for slow_agent. */
  resource: string;
  severity: Severity;
  impactScore: number;
  affectedResources: string[];
  metrics: BottleneckMetrics;
};

/** A bottleneck record, field for field the `bottlenecks` table (epoch ms times). */
export type Bottleneck = {
  id: string;
  type: BottleneckType;
  severity: Severity;
  impactScore: number;
  affectedResources: string[];
  metrics: BottleneckMetrics;
  recommendations: string[];
  status: "active" | "resolved";
  detectedAt: number;
  updatedAt: number;
  resolvedAt: number | null;
};

/** The lifecycle changes one detection pass produced. */
export type BottleneckChanges = { detected: Bottleneck[]; updated: Bottleneck[]; resolved: Bottleneck[] };

/** Tunables of one detector instance (one per swarm). */
export type DetectorConfig = {
  /** Sliding window of the aggregates and of gauge freshness. */
  windowMs: number;
  /** Width of one time bucket of the window. */
  bucketMs: number;
  /** How long a condition must stay false before its bottleneck resolves. */
  holdDownMs: number;
  /** Most agents tracked at once; the least recently heard one is evicted beyond it. */
  maxAgents: number;
  /** Most task rows kept for `analyzePerformance` (the original reads at most 1,000). */
  maxRows: number;
  /** Fewest tasks (per agent) or consensus rounds in the window before a rate is judged. */
  minSamples: number;
  /** Events stamped further ahead of the clock than this are ignored. */
  maxSkewMs: number;
  /** Impact movement that makes an ongoing bottleneck "updated" (severity or resource changes always do). */
  updateImpactDelta: number;
  /** When set, an ongoing bottleneck whose figures changed is also "updated" this often (screens show current values). */
  refreshMs?: number;
};

/** Defaults: 5-minute window in 5 s buckets, 30 s hold-down, 10,000 agents. */
export const DEFAULT_DETECTOR_CONFIG: DetectorConfig = {
  windowMs: 300_000,
  bucketMs: 5_000,
  holdDownMs: 30_000,
  maxAgents: 10_000,
  maxRows: 1_000,
  minSamples: 1,
  maxSkewMs: 300_000,
  updateImpactDelta: 0.05,
};
