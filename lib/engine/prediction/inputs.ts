// Structural inputs PredictiveHealing reads from its sibling components (learned patterns, active bottlenecks).

/** A learned pattern as the prediction component needs it (the learner's Pattern, docs/decisions.md#d9 revised). */
export type PatternInput = {
  /** Deterministic pattern id (docs/decisions.md#d2), e.g. `corr:memory_pressure+heartbeat_failed`; used as the pattern indicator. */
  id: string;
  /** Pattern family (the learner finds `correlation` patterns). */
  type: string;
  /** The precursor's event type, then the failure event it precedes. */
  events: string[];
  /** The learner's confidence (0..1): the "pattern match" 50 % term. */
  confidence: number;
  /** How often the pattern was seen. */
  occurrences: number;
  /** Distinct episodes the pattern was learned from. */
  support: number;
  /** Lift over independent types. */
  lift: number;
  /** Median time from the precursor to the failure: the prediction's ETA and how long a precursor event counts. */
  leadMs: number;
  /** The failure type the pattern predicts. */
  failureType: string;
  /** When the pattern was last seen (epoch ms). */
  lastSeen: number;
  /** Set when the pattern was learned for one agent: only that agent's precursor events count. */
  agentId?: string;
};

/** An active bottleneck as the prediction component needs it (adapted by the lead from detection/). */
export type BottleneckInput = {
  /** The detector's id of this bottleneck (one per episode, detected → resolved); when absent, type and resources key it. */
  id?: string;
  /** token_exhaustion | quota_exceeded | slow_agent | task_queue_backlog | consensus_timeout. */
  type: string;
  /** critical | high | medium | low. */
  severity: string;
  /** 0..1. */
  impactScore: number;
  /** `["global"]`, `["agents"]`, agent ids (slow_agent) or `["task_queue"]`. */
  affectedResources: string[];
  /** Per-type figures. */
  metrics: Record<string, unknown>;
  /** The bottleneck's recommendations; the first becomes the recommended action. */
  recommendations?: string[];
};
