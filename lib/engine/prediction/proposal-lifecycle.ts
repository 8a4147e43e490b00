// Pure proposal lifecycle: operator decisions (the first decision stands) and expiry (docs/decisions.md#d12, docs/decisions.md#d23).
import type { Prediction } from "./prediction-record";

/** The stored proposal a decision is about, for an engine that no longer holds it (after a restart or takeover). */
export type ProposalSnapshot = Pick<
  Prediction,
  "id" | "failureType" | "agentId" | "confidence" | "predictedAt" | "expectedAt" | "reasoning"
>;

/** An operator's (or a policy's) decision on an open proposal; `proposal` is the stored record decided on. */
export type DecisionInput = { decision: "approve" | "reject"; by: string; reason?: string | null; proposal?: ProposalSnapshot };

/** The decided prediction, or why the decision was refused (with the prediction as it now stands). */
export type DecisionResult = { ok: true; prediction: Prediction } | { ok: false; reason: "not_open" | "expired"; prediction: Prediction };

/** When an open proposal lapses: at expected_at, or earlier when the TTL runs out first (docs/decisions.md#d23). */
export const proposalDeadline = (p: Prediction, ttlMs: number): number => Math.min(p.expectedAt, p.predictedAt + ttlMs);

/** Applies a decision to a proposal: refused when it is no longer open (first decision stands) or has lapsed. */
export function decideProposal(p: Prediction, input: DecisionInput, now: number, ttlMs: number): DecisionResult {
  if (p.status !== "open") return { ok: false, reason: "not_open", prediction: p };
  const expired = expireProposal(p, now, ttlMs);
  if (expired) return { ok: false, reason: "expired", prediction: expired };
  return {
    ok: true,
    prediction: {
      ...p,
      status: input.decision === "approve" ? "approved" : "rejected",
      decidedBy: input.by,
      decidedAt: now,
      decisionReason: input.reason ?? null,
    },
  };
}

/** The proposal recorded as expired (decided by "system" at its deadline) once `now` reaches the deadline; else null. */
export function expireProposal(p: Prediction, now: number, ttlMs: number): Prediction | null {
  const deadline = proposalDeadline(p, ttlMs);
  if (p.status !== "open" || now < deadline) return null;
  return {
    ...p,
    status: "expired",
    decidedBy: "system",
    decidedAt: deadline,
    decisionReason: deadline === p.expectedAt ? "no decision before expected_at" : "no decision within the proposal TTL",
  };
}
