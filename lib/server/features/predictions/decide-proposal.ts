// Approving or rejecting a healing proposal (an open prediction) under the shared decision rules
// (lib/server/features/healings/decide-open-item.ts): the first decision stands, approvals are bound to the action shown (docs/reliability.md#s3) and
// high-risk failure types need two approvers (docs/reliability.md#s2). A final decision reaches the swarm's engine owner.
import { z } from "zod";
import { notFound } from "../../http/errors";
import type { Principal } from "../../auth/principal";
import { decideOpenItem, type DecisionRequest, type DecisionRules, type DecisionStore } from "../healings/decide-open-item";
import { predictionItem } from "../items/items";
import type { PredictionRecord } from "@/lib/engine";
import type { ClusterNode } from "../../cluster/cluster-node";
import type { Db } from "../../db/prisma";
import type { Publisher } from "../items/publisher";
import { actionHash } from "../items/action-hash";

/** Body of POST …/approve; `action_hash` (from the listed item) binds the approval to what was shown. */
export const approveBody = z.object({
  reason: z.string().trim().max(1000).optional(),
  action_hash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, "a SHA-256 hex digest")
    .optional(),
});
/** Body of POST …/reject (a reason is required). */
export const rejectBody = z.object({ reason: z.string().trim().min(1, "a reason is required to reject").max(1000) });

type Row = NonNullable<Awaited<ReturnType<typeof loadProposal>>>;

/** What deciding a proposal uses: the decision rules, the way to the swarm's engine owner, and the live channel. */
export type ProposalDecisionDeps = DecisionRules & { cluster: Pick<ClusterNode, "decide">; publish: Publisher };

function loadProposal(db: Db, id: string) {
  return db.prediction.findFirst({ where: { id }, include: { swarm: { select: { name: true, settings: true } } } });
}

function toRecord(row: Row): PredictionRecord {
  return {
    ...row,
    predictedAt: row.predictedAt.getTime(),
    expectedAt: row.expectedAt.getTime(),
    decidedAt: row.decidedAt?.getTime() ?? null,
    patternIndicators: row.patternIndicators as string[],
    outcome: row.outcome as Exclude<PredictionRecord["outcome"], undefined>,
  };
}

function proposalStore(
  { db, cluster, publish }: ProposalDecisionDeps,
  request: DecisionRequest,
): DecisionStore<Row, ReturnType<typeof predictionItem>> {
  return {
    kind: "prediction",
    load: (id) => loadProposal(db, id),
    view: (row) => ({
      swarmId: row.swarmId,
      settings: row.swarm.settings,
      closedAs: row.status === "open" ? null : row.status,
      decidedBy: row.decidedBy,
      firstApprovedBy: row.firstApprovedBy,
      failureType: row.failureType,
      actionHash: actionHash(row),
      detail: { failure_type: row.failureType, agent_id: row.agentId, recommended_action: row.recommendedAction },
    }),
    claimFirstApproval: async (id, by, now) =>
      (
        await db.prediction.updateMany({
          where: { id, status: "open", firstApprovedBy: null },
          data: { firstApprovedBy: by, firstApprovedAt: new Date(now) },
        })
      ).count > 0,
    close: async (id, row, decision, by, now) =>
      (
        await db.prediction.updateMany({
          where: { id, status: "open", firstApprovedBy: row.firstApprovedBy },
          data: {
            status: decision === "approve" ? "approved" : "rejected",
            decidedBy: by,
            decidedAt: new Date(now),
            decisionReason: request.reason ?? null,
            ...(decision === "reject" ? { outcome: "rejected" } : {}),
          },
        })
      ).count > 0,
    announce: (updated, final, by) => {
      const record = toRecord(updated);
      const proposal = {
        id: record.id,
        failureType: record.failureType,
        agentId: record.agentId ?? null,
        confidence: record.confidence,
        predictedAt: record.predictedAt,
        expectedAt: record.expectedAt,
        reasoning: record.reasoning,
      };
      if (final)
        cluster.decide(updated.swarm.name, updated.id, { decision: request.decision, by, reason: request.reason ?? null, proposal });
      publish("prediction.updated", { swarm: updated.swarm.name, prediction: record });
    },
    item: predictionItem,
  };
}

/** Applies the decision to an open proposal; returns the updated prediction. */
export async function decideProposal(deps: ProposalDecisionDeps, principal: Principal, id: string, request: DecisionRequest, now: number) {
  if (!z.uuid().safeParse(id).success) {
    await deps.limits.decision(principal.id);
    throw notFound("Prediction");
  }
  return decideOpenItem(deps, principal, id, request, now, proposalStore(deps, request));
}

/** Decisions on healing proposals (open predictions), for the API routes. */
export class ProposalDecisions {
  constructor(private readonly deps: ProposalDecisionDeps) {}

  /** See decideProposal. */
  decide(principal: Principal, id: string, request: DecisionRequest, now: number) {
    return decideProposal(this.deps, principal, id, request, now);
  }
}
