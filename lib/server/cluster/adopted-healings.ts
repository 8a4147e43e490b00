// Healings a new owner takes over: the previous owner started them and issued their commands (persisted, delivered
// under leases by the coordinator link); the new owner's engine never saw them, so they finish from their
// commands' persisted states (the Kubernetes-style reconcile over stored state) and, when those succeeded, from a
// verification on stored evidence (docs/decisions.md#d19: a healing succeeds only when its commands succeed and verification passes).
import type { Db } from "../db/prisma";
import {
  type CommandKind,
  type CommandStatus,
  type Failure,
  type HealingAction,
  type HealingState as HealingRecord,
  type HealingStatus,
  type Severity,
  type Trigger,
  recoveryEvidenceOf,
} from "@/lib/engine";
import { commandsOf, failuresById } from "../db/history-links";
import { type AdoptedEvidence, adoptedOutcome, adoptedVerdict } from "./ownership-rules";

/** A swarm's running healings (taken over at a change of owner), each with the failure it heals. */
export async function runningHealings(db: Db, swarmId: number): Promise<{ id: string; failure: Failure }[]> {
  const rows = await db.healing.findMany({ where: { swarmId, status: "running" } });
  const failures = await failuresById(
    db,
    swarmId,
    rows.map((h) => h.failureId),
  );
  return rows.map((h) => {
    const f = h.failureId === null ? undefined : failures.get(h.failureId);
    return {
      id: h.id,
      failure: {
        id: h.failureId ?? h.id,
        failureType: h.failureType,
        agentId: f?.agentId ?? null,
        taskId: f?.taskId ?? null,
        severity: (f?.severity ?? null) as Severity | null,
        context: (f?.context ?? {}) as Record<string, unknown>,
        detectedAt: (f?.detectedAt ?? h.startedAt).getTime(),
        resolvedAt: null,
      },
    };
  });
}

/** Adopted healings that have ended (to store and publish) and those no longer running (to stop watching). */
export type Settled = { finished: HealingRecord[]; gone: string[] };

type Target = {
  failureId: string | null;
  failureType: string;
  agentId: string | null;
  taskId: string | null;
  context: Record<string, unknown>;
};

/** What stored events and failures say about a healing's recovery since `since`. */
async function evidenceSince(db: Db, swarmId: number, t: Target, since: Date): Promise<{ byEvent: boolean; evidence: AdoptedEvidence }> {
  const check = recoveryEvidenceOf(t);
  if (check?.kind === "agent_heartbeat") {
    const seen = await db.$queryRaw<
      { n: number }[]
    >`SELECT 1 AS n FROM events WHERE swarm_id = ${swarmId} AND (type = 'heartbeat' OR (${check.anyEvent === true}::boolean AND type NOT IN ('agent_down', 'agent_failed', 'heartbeat_failed'))) AND agent_id = ${check.agentId} AND received_at >= ${since} LIMIT 1`;
    return { byEvent: true, evidence: seen.length > 0 ? "pass" : null };
  }
  if (check?.kind === "task_completed") {
    const [r] = await db.$queryRaw<{ pass: boolean | null; fail: boolean | null }[]>`
      SELECT bool_or(type = 'task_success' OR (type = 'task_complete' AND coalesce(body->>'result', body->'metadata'->>'result', 'success') = 'success')) AS pass,
             bool_or(type IN ('task_failed', 'task_error', 'task_timeout') OR (type = 'task_complete' AND coalesce(body->>'result', body->'metadata'->>'result', 'success') <> 'success')) AS fail
      FROM events WHERE swarm_id = ${swarmId} AND task_id = ${check.taskId} AND received_at >= ${since}`;
    return { byEvent: true, evidence: r?.pass ? "pass" : r?.fail ? "fail" : null };
  }
  const recurred = await db.failure.count({
    where: {
      swarmId,
      failureType: t.failureType,
      agentId: t.agentId,
      taskId: t.taskId,
      detectedAt: { gt: since },
      ...(t.failureId ? { id: { not: t.failureId } } : {}),
    },
  });
  return { byEvent: false, evidence: recurred > 0 ? "fail" : null };
}

/** Checks adopted healings against their commands and, once those succeeded, their verification at `now`. */
export async function settleAdopted(db: Db, swarmId: number, ids: readonly string[], now: number): Promise<Settled> {
  const rows = await db.healing.findMany({ where: { swarmId, id: { in: [...ids] } } });
  const out: Settled = { finished: [], gone: ids.filter((id) => !rows.some((r) => r.id === id && r.status === "running")) };
  const running = rows.filter((h) => h.status === "running");
  const [commandsByHealing, failures] = await Promise.all([
    commandsOf(
      db,
      swarmId,
      running.map((h) => h.id),
    ),
    failuresById(
      db,
      swarmId,
      running.map((h) => h.failureId),
    ),
  ]);
  for (const h of running) {
    const commands = commandsByHealing.get(h.id) ?? [];
    const f = h.failureId === null ? undefined : failures.get(h.failureId);
    let outcome = adoptedOutcome(commands.map((c) => c.status));
    if (!outcome) continue;
    const first = Math.min(...commands.map((c) => c.issuedAt.getTime()));
    const last = Math.max(...commands.map((c) => c.finishedAt?.getTime() ?? now));
    const notes = ["finished by the new engine owner from its commands' results"];
    if (outcome.status === "succeeded") {
      const target = {
        failureId: h.failureId,
        failureType: h.failureType,
        agentId: f?.agentId ?? null,
        taskId: f?.taskId ?? null,
        context: (f?.context ?? {}) as Record<string, unknown>,
      };
      const { byEvent, evidence } = await evidenceSince(db, swarmId, target, new Date(last));
      outcome = adoptedVerdict(byEvent, evidence, now - last);
      if (!outcome) continue;
      notes.push(`verified by the new engine owner on stored evidence: ${outcome.status === "succeeded" ? "passed" : "failed"}`);
    }
    // The stored actions are those of the last write by the previous owner (healing.started: often none yet); the
    // commands it issued since are rebuilt from the commands table.
    const status = new Map(commands.map((c) => [c.id, c.status as CommandStatus]));
    const stored = (h.actions as HealingAction[]).map((a) =>
      typeof a === "string" ? a : { ...a, status: status.get(a.commandId) ?? a.status },
    );
    const listed = new Set(stored.flatMap((a) => (typeof a === "string" ? [] : [a.commandId])));
    const issued = commands.filter((c) => !listed.has(c.id));
    const actions = [
      ...stored,
      ...issued.map((c): HealingAction => ({
        kind: c.kind as CommandKind,
        params: c.params as Record<string, unknown>,
        commandId: c.id,
        status: c.status as CommandStatus,
      })),
    ];
    const recoveryMs = outcome.status === "succeeded" && f ? Math.max(0, now - f.detectedAt.getTime()) : null;
    out.finished.push({
      id: h.id,
      failureId: h.failureId,
      predictionId: h.predictionId,
      failureType: h.failureType,
      strategy: h.strategy,
      status: outcome.status as HealingStatus,
      trigger: h.trigger as Trigger,
      actions: [...actions, ...notes],
      reason: outcome.reason,
      healMs: last - first,
      recoveryMs,
      startedAt: h.startedAt.getTime(),
      finishedAt: now,
    });
    out.gone.push(h.id);
  }
  return out;
}
