// The swarm list of GET /api/v1/swarms: stored swarms with the engine's live figures.
import type { Runtime } from "../../platform/runtime";
import { lastEventTimes } from "./last-event";
import { swarmStatus } from "../../../contract/swarm-status";
import type { SwarmListItem } from "../../../contract/items/swarms";

/** Lists every swarm, oldest first, with live figures. */
export async function listSwarms(rt: Runtime, now = Date.now()): Promise<SwarmListItem[]> {
  const swarms = await rt.db.swarm.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, createdAt: true } });
  const lastEvents = await lastEventTimes(rt.pool);
  return swarms.map((s) => {
    const live = rt.engine.snapshot(s.name);
    const lastEventAt = lastEvents.get(s.name) ?? null;
    return {
      name: s.name,
      health_score: live.health_score,
      health: live.health,
      status: swarmStatus({ eventsPerS: live.events_per_s, activeAgents: live.active_agents, eventsTotal: live.events_total, lastEventAt: lastEventAt?.getTime() ?? null }, now),
      agents: live.active_agents,
      created_at: s.createdAt.toISOString(),
      events_per_s: live.events_per_s,
      events_total: live.events_total,
      last_event_at: lastEventAt?.toISOString() ?? null,
    };
  });
}
