// The swarm list of GET /api/v1/swarms: stored swarms with their live figures as each swarm's engine owner sees them
// (the same on every instance).
import type { Db } from "../../db/prisma";
import { liveSnapshots, type OwnerReadDeps } from "../../cluster/owner-reads";
import { lastEventTimes } from "./last-event";
import { swarmStatus } from "../../../contract/items/swarm-status";
import type { SwarmListItem } from "../../../contract/items/swarms";

/** What the swarm list reads: the swarms' store, their last events, and the way to each swarm's engine owner. */
export type SwarmListDeps = OwnerReadDeps & { db: Db };

/** Lists every swarm, oldest first, with live figures (503 when a swarm's owner does not answer). */
export async function listSwarms(deps: SwarmListDeps, now = Date.now()): Promise<SwarmListItem[]> {
  const swarms = await deps.db.swarm.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, createdAt: true } });
  const [lastEvents, snapshots] = await Promise.all([
    lastEventTimes(deps.pool),
    liveSnapshots(
      deps,
      swarms.map((s) => s.name),
    ),
  ]);
  return swarms.map((s) => {
    const live = snapshots.get(s.name)!;
    const lastEventAt = lastEvents.get(s.name) ?? null;
    return {
      name: s.name,
      health_score: live.health_score,
      health: live.health,
      status: swarmStatus(
        {
          eventsPerS: live.events_per_s,
          activeAgents: live.active_agents,
          eventsTotal: live.events_total,
          lastEventAt: lastEventAt?.getTime() ?? null,
        },
        now,
      ),
      agents: live.active_agents,
      created_at: s.createdAt.toISOString(),
      events_per_s: live.events_per_s,
      events_total: live.events_total,
      last_event_at: lastEventAt?.toISOString() ?? null,
    };
  });
}

/** The swarm list for the API route. */
export class SwarmOverview {
  constructor(private readonly deps: SwarmListDeps) {}

  /** See listSwarms. */
  list(now = Date.now()): Promise<SwarmListItem[]> {
    return listSwarms(this.deps, now);
  }
}
