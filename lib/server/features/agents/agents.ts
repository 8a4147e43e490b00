// The agents of a swarm for the API: the live roster of the swarm's engine owner (state, results, heartbeat, p95, circuit,
// degradation; the same on every instance) and, per agent, its stored failures and the healings aimed at it.
import { z } from "zod";
import { notFound } from "../../http/errors";
import type { AgentSummary } from "@/lib/engine";
import type { Db } from "../../db/prisma";
import type { SwarmRef } from "../../http/route";
import { type OwnerReadDeps, readOnOwner } from "../../cluster/owner-reads";
import { commandsOf } from "../../db/history-links";
import { failureItem, healingItem } from "../items/items";
import type { AgentDetail, AgentItem, AgentList } from "../../../contract/items/agents";

/** Params of /swarms/{swarm}/agents/{agent}. */
export const agentIdSchema = z.string().min(1).max(128);

/** What the agent views read: the stored history and the engine's live roster. */
export type AgentDeps = OwnerReadDeps & { db: Db };

const DAY = 86_400_000;
const iso = (t: number | null) => (t === null ? null : new Date(t).toISOString());

/** One agent row (snake_case, with ages measured at `now`); `silence` explains a "down" state found by silence (docs/decisions.md#d30). */
export function agentItem(a: AgentSummary, now: number): AgentItem {
  return {
    id: a.id,
    state: a.state,
    health_state: a.healthState,
    health_score: Math.round(a.healthScore * 1000) / 1000,
    current_tasks: a.currentTasks,
    tasks: a.tasks,
    success_rate: a.successRate,
    p95_duration_ms: a.p95DurationMs,
    last_seen_at: iso(a.lastSeenAt),
    last_heartbeat_at: iso(a.lastHeartbeatAt),
    heartbeat_age_ms: a.lastHeartbeatAt === null ? null : Math.max(0, now - a.lastHeartbeatAt),
    circuit_state: a.circuit,
    silence: a.silence && {
      silent_for_ms: Math.max(0, now - a.silence.lastHeardAt),
      expected_every_ms: a.silence.intervalMs,
      silent_intervals: a.silence.silentIntervals,
      last_heard_at: iso(a.silence.lastHeardAt),
      detected_at: iso(a.silence.detectedAt),
    },
  };
}

/** GET /swarms/{swarm}/agents: every agent the engine tracks, by id, and the swarm's degradation level. */
export async function listAgents(deps: OwnerReadDeps, swarm: SwarmRef, now: number): Promise<AgentList> {
  const roster = await readOnOwner(deps, { read: "agents", swarm: swarm.name });
  return { items: roster.agents.map((a) => agentItem(a, now)), degradation: roster.degradation, generated_at: new Date(now).toISOString() };
}

/** GET /swarms/{swarm}/agents/{agent}: the agent's live row, its failures and the healings aimed at it (last 7 days). */
export async function agentDetail(deps: AgentDeps, swarm: SwarmRef, agentId: string, now: number): Promise<AgentDetail> {
  const { db } = deps;
  const swarmId = swarm.id;
  const roster = await readOnOwner(deps, { read: "agents", swarm: swarm.name });
  const live = roster.agents.find((a) => a.id === agentId);
  const since = new Date(now - 7 * DAY);
  const [failures, predictions] = await Promise.all([
    db.failure.findMany({
      where: { swarmId, agentId, detectedAt: { gte: since } },
      orderBy: [{ detectedAt: "desc" }, { id: "desc" }],
      take: 20,
    }),
    db.prediction.findMany({
      where: { swarmId, agentId, predictedAt: { gte: since } },
      orderBy: { predictedAt: "desc" },
      take: 50,
      select: { id: true },
    }),
  ]);
  // Aimed at the agent: healing one of its failures (of any age) or acting on one of its predictions.
  const aimed = await db.$queryRaw<{ id: string }[]>`
    SELECT h.id FROM healings h
    WHERE h.swarm_id = ${swarmId} AND h.started_at >= ${since}
      AND (h.prediction_id = ANY(${predictions.map((p) => p.id)}::uuid[])
           OR h.failure_id IN (SELECT f.id FROM failures f WHERE f.swarm_id = ${swarmId} AND f.agent_id = ${agentId}))
    ORDER BY h.started_at DESC, h.id DESC LIMIT 20`;
  const healings = await db.healing.findMany({
    where: { swarmId, startedAt: { gte: since }, id: { in: aimed.map((h) => h.id) } },
    orderBy: [{ startedAt: "desc" }, { id: "desc" }],
  });
  const commands = await commandsOf(
    db,
    swarmId,
    healings.map((h) => h.id),
  );
  if (!live && failures.length === 0 && healings.length === 0) throw notFound(`Agent "${agentId}"`);
  return {
    agent: live ? agentItem(live, now) : null,
    degradation: roster.degradation,
    failures: failures.map(failureItem),
    healings: healings.map((h) => healingItem(h, commands.get(h.id))),
  };
}

/** The agent views of a swarm for the API routes. */
export class AgentViews {
  constructor(private readonly deps: AgentDeps) {}

  /** See listAgents. */
  list(swarm: SwarmRef, now: number) {
    return listAgents(this.deps, swarm, now);
  }

  /** See agentDetail. */
  detail(swarm: SwarmRef, agentId: string, now: number) {
    return agentDetail(this.deps, swarm, agentId, now);
  }
}
