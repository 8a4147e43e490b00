// Tunables of PredictiveHealing, with the reference defaults and the bounds that keep memory flat (docs/decisions.md#d3).

/** Configuration of one swarm's PredictiveHealing. */
export type PredictionConfig = {
  /** Predictions at or above this confidence become open proposals (docs/decisions.md#d12). */
  confidenceThreshold: number;
  /** Event-time window of the series, health tallies and indicator events. */
  windowMs: number;
  /** Samples kept per series and task results kept per agent. */
  maxSamples: number;
  /** Agents tracked by the health source (least recently seen evicted first). */
  maxAgents: number;
  /** Indicator events kept per indicator type (docs/decisions.md#d11). */
  maxIndicatorEvents: number;
  /** Learnable event types whose recent events are kept as possible pattern precursors (least recently seen dropped). */
  maxIndicatorTypes: number;
  /** How long indicator events are kept (the longest pattern interval honoured). */
  indicatorRetentionMs: number;
  /** The reference's assumed spacing of metric samples, used by the ETA formulas (docs/engine.md#s-7-4, docs/engine.md#s-7-7). */
  sampleIntervalMs: number;
  /** A proposal expires at min(expected_at, predicted_at + ttl) (docs/decisions.md#d23). */
  proposalTtlMs: number;
  /** A failure up to this long after expected_at still confirms a prediction (docs/decisions.md#d15). */
  outcomeGraceMs: number;
  /** Predictions kept in memory until settled. */
  maxTracked: number;
  /** Indicator ids with accuracy tallies. */
  maxIndicatorStats: number;
  /** Lead times kept for the median. */
  maxLeadTimes: number;
  /** Task results an agent needs in the window before the health source judges it (reference: 1). */
  healthMinResults: number;
  /** Slowing also needs a mean above this multiple of the fleet mean (reference: null = no comparison). */
  healthSlowerThanFleet: number | null;
  /** Heartbeats reporting degraded health predict agent_down (reference: false, heartbeats are stored but unused). */
  healthFromHeartbeats: boolean;
  /** A bottleneck predicts when it appears and when its severity rises, not on every pass (reference: false). */
  bottleneckOnRise: boolean;
  /** While the newest token usage is at or above 100 %, that failure is present, not ahead: no token_exhaustion
   * prediction, and the queue (waiting for tokens, not agents) predicts no task timeouts (reference: false). */
  skipExhaustedBudget: boolean;
  /** Token and memory trends use only this many newest samples in the window (reference: null = all of them). */
  trendSamples: number | null;
  /** Queue trends use only this many newest samples in the window (reference: null = all of them). */
  queueTrendSamples: number | null;
  /** Token usage below 80 % is predicted too when its trend exhausts the budget within this (reference: null = never). */
  tokenHorizonMs: number | null;
  /** Queue depth above this (below the reference's 50) is judged too, by the reference's growth formula (reference: null). */
  queueEarlyDepth: number | null;
};

/** Reference defaults (threshold 0.7, 10 s sample spacing). */
export const DEFAULT_PREDICTION_CONFIG: PredictionConfig = {
  confidenceThreshold: 0.7,
  windowMs: 300_000,
  maxSamples: 60,
  maxAgents: 500,
  maxIndicatorEvents: 50,
  maxIndicatorTypes: 64,
  indicatorRetentionMs: 3_600_000,
  sampleIntervalMs: 10_000,
  proposalTtlMs: 900_000,
  outcomeGraceMs: 60_000,
  maxTracked: 5_000,
  maxIndicatorStats: 500,
  maxLeadTimes: 1_000,
  healthMinResults: 1,
  healthSlowerThanFleet: null,
  healthFromHeartbeats: false,
  bottleneckOnRise: false,
  skipExhaustedBudget: false,
  trendSamples: null,
  queueTrendSamples: null,
  tokenHorizonMs: null,
  queueEarlyDepth: null,
};

/** Merges overrides into the defaults; throws when the threshold is outside [0, 1] (as the reference does). */
export function resolveConfig(overrides: Partial<PredictionConfig> = {}): PredictionConfig {
  const config = { ...DEFAULT_PREDICTION_CONFIG, ...overrides };
  if (!(config.confidenceThreshold >= 0 && config.confidenceThreshold <= 1)) {
    throw new RangeError(`confidenceThreshold must be within [0, 1], got ${config.confidenceThreshold}`);
  }
  return config;
}
