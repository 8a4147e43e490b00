// Predictions (a proposal is an open prediction) and learned patterns, as the API lists them (docs/contract.md#read-and-act).

/** A prediction; `action_hash` identifies the action an approval is for, `first_approved_*` the first of two approvers. */
export type PredictionItem = {
  id: string;
  failure_type: string;
  agent_id: string | null;
  confidence: number;
  predicted_at: string;
  expected_at: string;
  reasoning: string;
  recommended_action: string;
  source: string;
  pattern_indicators: unknown;
  status: string;
  outcome: string | null;
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  action_hash: string;
  first_approved_by: string | null;
  first_approved_at: string | null;
};

/** One learned pattern of GET /swarms/{swarm}/patterns. */
export type LearnedPattern = {
  id: string;
  type: string;
  description: string;
  events: string[];
  confidence: number;
  occurrences: number;
  interval_ms: number | null;
  first_seen: string;
  last_seen: string;
  /** Distinct episodes the pattern was learned from. */
  support: number;
  /** Failures preceded over those expected from independent types. */
  lift: number;
  /** Median time from the precursor to the failure. */
  lead_ms: number;
  /** The failure type the pattern predicts. */
  failure_type: string;
  /** Settled predictions of the pattern that hit / missed. */
  hits: number;
  misses: number;
  /** hits / (hits + misses), null before any prediction settled. */
  hit_rate: number | null;
};
