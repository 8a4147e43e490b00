// The swarm list of GET /api/v1/swarms: stored swarms with the engine's live figures and, from storage, when each
// last sent an event (so every instance agrees on which swarms are silent).
import { LAST_EVENT_AT_SQL } from "../db/last-event";
import type { Runtime } from "../runtime";
import { type SwarmStatus, swarmStatus } from "./swarm-status";

/** One swarm as listed by the API (contract fields plus live events/s and total, and its last event's time). */
export type SwarmListItem = {
  name: string;
  health_score: number | null;
  status: SwarmStatus;
  agents: number;
  created_at: string;
  events_per_s: number;
  events_total: number;
  /** When the swarm last sent an event (ISO), or null when it has none stored. */
  last_event_at: string | null;
};

/** Lists every swarm, oldest first, with live figures. */
export async function listSwarms(rt: Runtime, now = Date.now()): Promise<SwarmListItem[]> {
  const { rows } = await rt.pool.query<{ name: string; created_at: Date; last_event_at: Date | null }>(
    `SELECT s.name, s.created_at, ${LAST_EVENT_AT_SQL} AS last_event_at FROM swarms s ORDER BY s.created_at, s.id`,
  );
  return rows.map((s) => {
    const live = rt.engine.snapshot(s.name);
    const lastEventAt = s.last_event_at?.getTime() ?? null;
    return {
      name: s.name,
      health_score: live.health_score,
      status: swarmStatus({ eventsPerS: live.events_per_s, activeAgents: live.active_agents, eventsTotal: live.events_total, lastEventAt }, now),
      agents: live.active_agents,
      created_at: s.created_at.toISOString(),
      events_per_s: live.events_per_s,
      events_total: live.events_total,
      last_event_at: s.last_event_at?.toISOString() ?? null,
    };
  });
}
