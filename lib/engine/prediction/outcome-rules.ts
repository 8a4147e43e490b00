// Pure outcome rules (docs/decisions.md#d15): when a detected failure confirms a prediction, and what a prediction's outcome is.
import { confirms } from "./failure-maps";
import type { Prediction, PredictionOutcome } from "./prediction-record";
import { expireProposal } from "./proposal-lifecycle";

/** A failure as detected by the healer. */
export type FailureReport = { failureType: string; agentId?: string | null; ts: number };

/** A prediction whose outcome is not known yet, with what has been reported about it. */
export type Tracked = {
  prediction: Prediction;
  /** Event time of the first failure that confirmed it. */
  failureTs: number | null;
  /** Whether a preventive healing for it succeeded within its window. */
  healed: boolean;
};

/** End of a prediction's outcome window: expected_at + grace. */
export const windowEnd = (p: Prediction, graceMs: number): number => p.expectedAt + graceMs;

/** A failure confirms a prediction when its type matches (or confirms it), it hits the named agent (any agent when
 * the prediction names none), and it happened at or after predicted_at and before expected_at + grace. */
export function failureConfirms(p: Prediction, f: FailureReport, graceMs: number): boolean {
  return (
    confirms(p.failureType, f.failureType) &&
    (p.agentId === null || p.agentId === (f.agentId ?? null)) &&
    f.ts >= p.predictedAt &&
    f.ts < windowEnd(p, graceMs)
  );
}

/** The outcome at `now`, or null while unknown: confirmed once a failure matched; after the window, prevented
 * (approved and healed), rejected (operator rejected it) or false_positive. */
export function outcomeAt(t: Tracked, now: number, graceMs: number): PredictionOutcome | null {
  if (t.failureTs !== null) return "confirmed";
  if (now < windowEnd(t.prediction, graceMs)) return null;
  if (t.prediction.status === "rejected") return "rejected";
  if (t.prediction.status === "approved" && t.healed) return "prevented";
  return "false_positive";
}

/** The settled record: outcome set; a proposal still open is closed as expired (past its deadline, or moot because
 * its failure already occurred). */
export function settle(t: Tracked, outcome: PredictionOutcome, now: number, ttlMs: number): Prediction {
  const p = t.prediction;
  if (p.status !== "open") return { ...p, outcome };
  const expired = expireProposal(p, now, ttlMs) ?? {
    ...p,
    status: "expired",
    decidedBy: "system",
    decidedAt: now,
    decisionReason: "happened: the predicted failure was detected before a decision",
  };
  return { ...expired, outcome };
}
