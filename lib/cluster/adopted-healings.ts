// Healings a new owner takes over: the previous owner started them and issued their commands (persisted, delivered
// under leases by the coordinator link); the new owner's engine never saw them, so they finish from their
// commands' persisted states (the Kubernetes-style reconcile over stored state), without a verification window.
import type { Db } from "../db/prisma";
import type { CommandStatus, HealingAction, HealingRecord, HealingStatus, Trigger } from "../engine/healing/types";
import { adoptedOutcome } from "./ownership-rules";

/** Ids of a swarm's running healings (taken over at a change of owner). */
export async function runningHealings(db: Db, swarmId: number): Promise<string[]> {
  const rows = await db.healing.findMany({ where: { swarmId, status: "running" }, select: { id: true } });
  return rows.map((r) => r.id);
}

/** Adopted healings that have ended (to store and publish) and those no longer running (to stop watching). */
export type Settled = { finished: HealingRecord[]; gone: string[] };

/** Checks adopted healings against their commands at `now`. */
export async function settleAdopted(db: Db, swarmId: number, ids: readonly string[], now: number): Promise<Settled> {
  const rows = await db.healing.findMany({
    where: { swarmId, id: { in: [...ids] } },
    include: { commands: { select: { id: true, status: true, issuedAt: true, finishedAt: true } } },
  });
  const out: Settled = { finished: [], gone: ids.filter((id) => !rows.some((r) => r.id === id && r.status === "running")) };
  for (const h of rows) {
    if (h.status !== "running") continue;
    const outcome = adoptedOutcome(h.commands.map((c) => c.status));
    if (!outcome) continue;
    const status = new Map(h.commands.map((c) => [c.id, c.status as CommandStatus]));
    const actions = (h.actions as HealingAction[]).map((a) => (typeof a === "string" ? a : { ...a, status: status.get(a.commandId) ?? a.status }));
    const first = Math.min(...h.commands.map((c) => c.issuedAt.getTime()));
    const last = Math.max(...h.commands.map((c) => c.finishedAt?.getTime() ?? now));
    out.finished.push({
      id: h.id, failureId: h.failureId, predictionId: h.predictionId, failureType: h.failureType, strategy: h.strategy, status: outcome.status as HealingStatus,
      trigger: h.trigger as Trigger, actions: [...actions, "finished by the new engine owner from its commands' results"], reason: outcome.reason,
      healMs: last - first, recoveryMs: null, startedAt: h.startedAt.getTime(), finishedAt: now,
    });
    out.gone.push(h.id);
  }
  return out;
}
