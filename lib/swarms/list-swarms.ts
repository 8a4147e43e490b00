// The swarm list of GET /api/v1/swarms: stored swarms with the engine's live figures.
import type { HealthTerms } from "../engine/types";
import type { Runtime } from "../runtime";

/** One swarm as listed by the API (contract fields plus live events/s and total). */
export type SwarmListItem = {
  name: string;
  /** Null while nothing is measured (D26). */
  health_score: number | null;
  /** The health score's term points and the MTTR target in force (extension of contract §4.2). */
  health: HealthTerms | null;
  status: "active" | "idle" | "new";
  agents: number;
  created_at: string;
  events_per_s: number;
  events_total: number;
};

/** Lists every swarm, oldest first, with live figures. */
export async function listSwarms(rt: Runtime): Promise<SwarmListItem[]> {
  const swarms = await rt.db.swarm.findMany({ orderBy: { createdAt: "asc" }, select: { name: true, createdAt: true } });
  return swarms.map((s) => {
    const live = rt.engine.snapshot(s.name);
    return {
      name: s.name,
      health_score: live.health_score,
      health: live.health,
      status: live.events_per_s > 0 || live.active_agents > 0 ? "active" : live.events_total > 0 ? "idle" : "new",
      agents: live.active_agents,
      created_at: s.createdAt.toISOString(),
      events_per_s: live.events_per_s,
      events_total: live.events_total,
    };
  });
}
