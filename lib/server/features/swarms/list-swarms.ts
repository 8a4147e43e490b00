// The swarm list of GET /api/v1/swarms: stored swarms with the engine's live figures.
import type { HealthTerms } from "../../../engine/types";
import type pg from "pg";
import type { Db } from "../../db/prisma";
import type { Engine } from "../../../engine/engine";
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

/** What the swarm list reads: the swarms' store, their last events, and the engine's live figures. */
export type SwarmListDeps = { db: Db; pool: pg.Pool; engine: Pick<Engine, "snapshot"> };

/** Lists every swarm, oldest first, with live figures. */
export async function listSwarms({ db, pool, engine }: SwarmListDeps, now = Date.now()): Promise<SwarmListItem[]> {
  const swarms = await db.swarm.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, createdAt: true } });
  const lastEvents = await lastEventTimes(pool);
  return swarms.map((s) => {
    const live = engine.snapshot(s.name);
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

/** The swarm list for the API route. */
export class SwarmOverview {
  constructor(private readonly deps: SwarmListDeps) {}

  /** See listSwarms. */
  list(now = Date.now()): Promise<SwarmListItem[]> {
    return listSwarms(this.deps, now);
  }
}
