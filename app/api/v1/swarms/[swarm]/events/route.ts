// GET /api/v1/swarms/{swarm}/events — stored events, newest first, as sent plus received_at (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/http/route";
import { listEvents, listEventsQuery, swarmIdOf } from "@/lib/server/features/events/list-events";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists a swarm's events. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: listEventsQuery }, async ({ rt, params, query }) =>
  listEvents(rt.pool, await swarmIdOf(rt.pool, params.swarm), query, Date.now()),
);
