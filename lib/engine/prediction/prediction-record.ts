// The persisted prediction record (table `predictions`, camelCase columns) and what a source proposes before it is stored.

/** Which analysis produced a prediction. */
export type PredictionSource = "pattern" | "trend" | "bottleneck" | "health" | "queue";

/** Lifecycle: observed (below threshold) or a proposal that is open, approved, rejected or expired (docs/decisions.md#d12, docs/decisions.md#d23). */
export type PredictionStatus = "observed" | "open" | "approved" | "rejected" | "expired";

/** What happened after the prediction (docs/decisions.md#d15). */
export type PredictionOutcome = "confirmed" | "prevented" | "false_positive" | "rejected";

/** One stored prediction; field names match the `predictions` table 1:1. */
export type Prediction = {
  id: string;
  failureType: string;
  agentId: string | null;
  confidence: number;
  predictedAt: number;
  expectedAt: number;
  reasoning: string;
  recommendedAction: string;
  source: PredictionSource;
  patternIndicators: string[];
  status: PredictionStatus;
  outcome: PredictionOutcome | null;
  decidedBy: string | null;
  decidedAt: number | null;
  decisionReason: string | null;
};

/** What a source emits: a prediction before id, times and status are assigned. */
export type Candidate = {
  failureType: string;
  agentId: string | null;
  confidence: number;
  etaMs: number;
  reasoning: string;
  recommendedAction: string;
  source: PredictionSource;
  patternIndicators: string[];
};

/** The dedup key of a prediction: (failure_type, agent_id). */
export const keyOf = (p: { failureType: string; agentId: string | null }): string => `${p.failureType}\u0000${p.agentId ?? ""}`;

/** Rounds a confidence to 4 decimals and clamps it to [0, 1], so float noise never flips the threshold. */
export const clampConfidence = (x: number): number => (Number.isFinite(x) ? Math.min(1, Math.max(0, Math.round(x * 1e4) / 1e4)) : 0);

/** Rounds an ETA to whole ms and clamps it to ≥ 0 (docs/decisions.md#d14). */
export const clampEta = (ms: number): number => (Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0);
