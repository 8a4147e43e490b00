// The swarm list of GET /api/v1/swarms: stored swarms with their live figures as each swarm's engine owner sees them
// (the same on every instance).
import type { HealthTerms } from "../../../engine/types";
import type { Db } from "../../db/prisma";
import { liveSnapshots, type OwnerReadDeps } from "../../cluster/owner-reads";
import { lastEventTimes } from "./last-event";
import { type SwarmStatus, swarmStatus } from "../../../contract/swarm-status";

/** One swarm as listed by the API (contract fields plus live events/s and total). */
export type SwarmListItem = {
  name: string;
  /** Null while nothing is measured (docs/decisions.md#d26). */
  health_score: number | null;
  /** The health score's term points and the MTTR target in force (extension of docs/contract.md#read-and-act). */
  health: HealthTerms | null;
  status: SwarmStatus;
  agents: number;
  created_at: string;
  events_per_s: number;
  events_total: number;
  /** When the swarm last sent an event (ISO, from storage: the same on every instance), or null when it has none. */
  last_event_at: string | null;
};

/** Lists every swarm, oldest first, with live figures (503 when a swarm's owner does not answer). */
export async function listSwarms(deps: OwnerReadDeps & { db: Db }, now = Date.now()): Promise<SwarmListItem[]> {
  const swarms = await deps.db.swarm.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, createdAt: true } });
  const [lastEvents, snapshots] = await Promise.all([lastEventTimes(deps.pool), liveSnapshots(deps, swarms.map((s) => s.name))]);
  return swarms.map((s) => {
    const live = snapshots.get(s.name)!;
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
