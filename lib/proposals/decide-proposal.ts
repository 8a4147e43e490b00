// Approving or rejecting a healing proposal: a conditional update so the first decision stands under
// concurrent clicks (409 for the others), audit-logged with who and why either way.
import { z } from "zod";
import { ApiError, notFound } from "../api/errors";
import { actorLabel, audit } from "../audit/audit-log";
import type { Principal } from "../auth/principal";
import { predictionItem } from "../read/items";
import type { PredictionRecord } from "../engine/records";
import type { Runtime } from "../runtime";

/** Body of POST /predictions/{id}/approve. */
export const approveBody = z.object({ reason: z.string().trim().max(1000).optional() });
/** Body of POST /predictions/{id}/reject (a reason is required). */
export const rejectBody = z.object({ reason: z.string().trim().min(1, "a reason is required to reject").max(1000) });

function toRecord(row: NonNullable<Awaited<ReturnType<Runtime["db"]["prediction"]["findUnique"]>>>): PredictionRecord {
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
export async function decideProposal(rt: Runtime, principal: Principal, id: string, decision: "approve" | "reject", reason: string | undefined, now: number) {
  await rt.limits.decision(principal.id);
  if (!z.uuid().safeParse(id).success) throw notFound("Prediction");
  const status = decision === "approve" ? "approved" : "rejected";
  const decidedBy = actorLabel(principal);
  const updated = await rt.db.prediction.updateMany({
    where: { id, status: "open" },
    data: { status, decidedBy, decidedAt: new Date(now), decisionReason: reason ?? null, ...(decision === "reject" ? { outcome: "rejected" } : {}) },
  });
  const row = await rt.db.prediction.findUnique({ where: { id }, include: { swarm: { select: { name: true } } } });
  if (!row) throw notFound("Prediction");
  const target = `prediction:${id}`;
  if (updated.count === 0) {
    await audit(rt.db, { actor: principal, action: `prediction.${decision}`, target, result: "conflict", swarmId: row.swarmId, detail: { status: row.status, reason } });
    throw new ApiError(409, "not_open", `The proposal is no longer open (it is ${row.status}${row.decidedBy ? `, decided by ${row.decidedBy}` : ""}).`);
  }
  await audit(rt.db, { actor: principal, action: `prediction.${decision}`, target, result: "ok", swarmId: row.swarmId, detail: { reason, failure_type: row.failureType, agent_id: row.agentId, recommended_action: row.recommendedAction } });
  rt.cluster.decide(row.swarm.name, id, { decision, by: decidedBy, reason });
  rt.publish?.("prediction.updated", { swarm: row.swarm.name, prediction: toRecord(row) });
  return predictionItem(row);
}
