// Approving or rejecting a healing proposal: conditional updates so the first decision stands under concurrent
// clicks (409 for the others); an approval is bound to the exact proposed action (S3), and failure types marked
// high-risk need two different approvers (S2). Audit-logged with who and why, whatever the outcome.
import { z } from "zod";
import { ApiError, notFound } from "../api/errors";
import { actorLabel, audit } from "../audit/audit-log";
import type { Principal } from "../auth/principal";
import { predictionItem } from "../read/items";
import type { PredictionRecord } from "../engine/records";
import type { Runtime } from "../runtime";
import { storedSettings } from "../settings/settings-store";
import { actionHash } from "./action-hash";

/** Body of POST /predictions/{id}/approve; `action_hash` (from the listed prediction) binds the approval to what was shown. */
export const approveBody = z.object({ reason: z.string().trim().max(1000).optional(), action_hash: z.string().regex(/^[0-9a-f]{64}$/, "a SHA-256 hex digest").optional() });
/** Body of POST /predictions/{id}/reject (a reason is required). */
export const rejectBody = z.object({ reason: z.string().trim().min(1, "a reason is required to reject").max(1000) });

/** What the caller decides. */
export type DecisionRequest = { decision: "approve" | "reject"; reason?: string; actionHash?: string };

type Row = NonNullable<Awaited<ReturnType<typeof loadProposal>>>;

function loadProposal(rt: Runtime, id: string) {
  return rt.db.prediction.findUnique({ where: { id }, include: { swarm: { select: { name: true, settings: true } } } });
}

function toRecord(row: Row): PredictionRecord {
  return {
    ...row,
    predictedAt: row.predictedAt.getTime(),
    expectedAt: row.expectedAt.getTime(),
    decidedAt: row.decidedAt?.getTime() ?? null,
    patternIndicators: row.patternIndicators as string[],
    outcome: row.outcome as PredictionRecord["outcome"],
  };
}

/** Applies the decision to an open proposal; returns the updated prediction. */
export async function decideProposal(rt: Runtime, principal: Principal, id: string, request: DecisionRequest, now: number) {
  await rt.limits.decision(principal.id);
  if (!z.uuid().safeParse(id).success) throw notFound("Prediction");
  const { decision, reason } = request;
  const decidedBy = actorLabel(principal);
  const action = `prediction.${decision}`;
  const target = `prediction:${id}`;

  for (let attempt = 0; attempt < 2; attempt++) {
    const row = await loadProposal(rt, id);
    if (!row) throw notFound("Prediction");
    const refuse = async (status: number, code: string, message: string, result: "conflict" | "denied"): Promise<never> => {
      await audit(rt.db, { actor: principal, action, target, result, swarmId: row.swarmId, detail: { status: row.status, reason, first_approved_by: row.firstApprovedBy } });
      throw new ApiError(status, code, message);
    };
    if (row.status !== "open") await refuse(409, "not_open", `The proposal is no longer open (it is ${row.status}${row.decidedBy ? `, decided by ${row.decidedBy}` : ""}).`, "conflict");
    if (decision === "approve" && request.actionHash !== undefined && request.actionHash !== actionHash(row)) {
      await refuse(409, "action_changed", "The proposal is not the one you approved (its action differs); review it again.", "denied");
    }
    const twoPerson = decision === "approve" && storedSettings(row.swarm.settings).two_person_approval.includes(row.failureType);
    if (twoPerson && row.firstApprovedBy === decidedBy) await refuse(403, "second_approver_required", "This high-risk proposal needs a second approval by someone else.", "denied");

    if (twoPerson && row.firstApprovedBy === null) {
      const first = await rt.db.prediction.updateMany({ where: { id, status: "open", firstApprovedBy: null }, data: { firstApprovedBy: decidedBy, firstApprovedAt: new Date(now) } });
      if (first.count === 0) continue; // someone else approved or decided meanwhile: look again
      const updated = (await loadProposal(rt, id))!;
      await audit(rt.db, { actor: principal, action, target, result: "ok", swarmId: row.swarmId, detail: { stage: "first of two approvals", reason, failure_type: row.failureType, agent_id: row.agentId, recommended_action: row.recommendedAction } });
      rt.publish?.("prediction.updated", { swarm: row.swarm.name, prediction: toRecord(updated) });
      return predictionItem(updated);
    }

    const status = decision === "approve" ? "approved" : "rejected";
    const done = await rt.db.prediction.updateMany({
      where: { id, status: "open", ...(twoPerson ? { firstApprovedBy: row.firstApprovedBy } : {}) },
      data: { status, decidedBy, decidedAt: new Date(now), decisionReason: reason ?? null, ...(decision === "reject" ? { outcome: "rejected" } : {}) },
    });
    if (done.count === 0) continue; // the first decision stood; the next pass reports it
    const updated = (await loadProposal(rt, id))!;
    await audit(rt.db, { actor: principal, action, target, result: "ok", swarmId: row.swarmId, detail: { reason, failure_type: row.failureType, agent_id: row.agentId, recommended_action: row.recommendedAction, first_approved_by: row.firstApprovedBy } });
    rt.cluster.decide(row.swarm.name, id, { decision, by: decidedBy, reason });
    rt.publish?.("prediction.updated", { swarm: row.swarm.name, prediction: toRecord(updated) });
    return predictionItem(updated);
  }
  const last = await loadProposal(rt, id);
  throw new ApiError(409, "not_open", `The proposal is no longer open (it is ${last?.status ?? "gone"}).`);
}
