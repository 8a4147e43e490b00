// GET /api/v1/swarms/{swarm}/patterns — patterns the engine has learned, with confidence and occurrences, episodes,
// lift, lead time and the measured hit rate of their predictions (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's learned patterns, most confident first. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }) }, async ({ services, swarm }) => {
  return (await services.engine.patterns(swarm)).map((p) => ({
    id: p.id,
    type: p.type,
    description: p.description,
    events: p.events,
    confidence: p.confidence,
    occurrences: p.occurrences,
    interval_ms: p.intervalMs ?? null,
    first_seen: new Date(p.firstSeen).toISOString(),
    last_seen: new Date(p.lastSeen).toISOString(),
    support: p.support,
    lift: p.lift,
    lead_ms: p.leadMs,
    failure_type: p.failureType,
    hits: p.hits,
    misses: p.misses,
    hit_rate: p.hits + p.misses === 0 ? null : p.hits / (p.hits + p.misses),
  }));
});
