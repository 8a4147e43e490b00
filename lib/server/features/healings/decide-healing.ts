// Approving or rejecting a healing that waits for approval (a detected failure whose policy is "approve"), under the
// shared decision rules (./decide-open-item.ts). A preventive healing is decided through its prediction
// (POST /predictions/{id}/approve|reject), so it is refused here with 409.
import { z } from "zod";
import { notFound } from "../../http/errors";
import type { Principal } from "../../auth/principal";
import { decideOpenItem, type DecisionRequest, type DecisionRules, type DecisionStore } from "./decide-open-item";
import { healingActionHash } from "../items/action-hash";
import { commandsOf } from "../../db/history-links";
import { healingItem } from "../items/items";
import type { HealingRecord } from "@/lib/engine";
import type { ClusterNode } from "../../cluster/cluster-node";
import type { Db } from "../../db/prisma";
import type { Publisher } from "../items/publisher";

type Row = NonNullable<Awaited<ReturnType<typeof loadHealing>>>;

/** What deciding a healing uses: the decision rules, the way to the swarm's engine owner, and the live channel. */
export type HealingDecisionDeps = DecisionRules & { cluster: Pick<ClusterNode, "decideHealing">; publish: Publisher };

async function loadHealing(db: Db, id: string) {
  const row = await db.healing.findFirst({ where: { id }, include: { swarm: { select: { name: true, settings: true } } } });
  return row && { ...row, commands: (await commandsOf(db, row.swarmId, [row.id])).get(row.id) ?? [] };
}

/** Null while open: pending, not preventive, and not yet decided (a decided one may wait a moment for its engine). */
function closedAs(row: Row): string | null {
  if (row.trigger === "preventive") return "decided through its prediction";
  if (row.status !== "pending") return row.status;
  return row.decidedBy === null ? null : "being acted on";
}

function toRecord(row: Row): HealingRecord {
  return {
    id: row.id,
    failureId: row.failureId,
    predictionId: row.predictionId,
    failureType: row.failureType,
    strategy: row.strategy,
    status: row.status,
    trigger: row.trigger,
    actions: row.actions as unknown[],
    reason: row.reason,
    healMs: row.healMs,
    recoveryMs: row.recoveryMs,
    startedAt: row.startedAt.getTime(),
    finishedAt: row.finishedAt?.getTime() ?? null,
    decidedBy: row.decidedBy,
    decidedAt: row.decidedAt?.getTime() ?? null,
    decisionReason: row.decisionReason,
    firstApprovedBy: row.firstApprovedBy,
  };
}

function healingStore(
  { db, cluster, publish }: HealingDecisionDeps,
  request: DecisionRequest,
): DecisionStore<Row, ReturnType<typeof healingItem>> {
  return {
    kind: "healing",
    load: (id) => loadHealing(db, id),
    view: (row) => ({
      swarmId: row.swarmId,
      settings: row.swarm.settings,
      closedAs: closedAs(row),
      decidedBy: row.decidedBy,
      firstApprovedBy: row.firstApprovedBy,
      failureType: row.failureType,
      actionHash: healingActionHash(row),
      detail: { failure_type: row.failureType, strategy: row.strategy, failure_id: row.failureId },
    }),
    claimFirstApproval: async (id, by, now) =>
      (
        await db.healing.updateMany({
          where: { id, status: "pending", decidedBy: null, firstApprovedBy: null },
          data: { firstApprovedBy: by, firstApprovedAt: new Date(now) },
        })
      ).count > 0,
    close: async (id, row, _decision, by, now) =>
      (
        await db.healing.updateMany({
          where: { id, status: "pending", decidedBy: null, firstApprovedBy: row.firstApprovedBy },
          data: { decidedBy: by, decidedAt: new Date(now), decisionReason: request.reason ?? null },
        })
      ).count > 0,
    announce: (updated, final, by) => {
      if (final) cluster.decideHealing(updated.swarm.name, updated.id, { decision: request.decision, by, reason: request.reason ?? null });
      publish("healing.started", { swarm: updated.swarm.name, healing: toRecord(updated) });
    },
    item: (row) => healingItem(row, row.commands),
  };
}

/** Applies the decision to a healing waiting for approval; returns the updated healing. */
export async function decideHealing(deps: HealingDecisionDeps, principal: Principal, id: string, request: DecisionRequest, now: number) {
  if (!z.uuid().safeParse(id).success) {
    await deps.limits.decision(principal.id);
    throw notFound("Healing");
  }
  return decideOpenItem(deps, principal, id, request, now, healingStore(deps, request));
}

/** Decisions on healings waiting for approval, for the API routes. */
export class HealingDecisions {
  constructor(private readonly deps: HealingDecisionDeps) {}

  /** See decideHealing. */
  decide(principal: Principal, id: string, request: DecisionRequest, now: number) {
    return decideHealing(this.deps, principal, id, request, now);
  }
}
