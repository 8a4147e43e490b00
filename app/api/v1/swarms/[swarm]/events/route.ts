// GET /api/v1/swarms/{swarm}/events — stored events, newest first, as sent plus received_at (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { listEventsQuery } from "@/lib/server/features/events/list-events";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists a swarm's events. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: listEventsQuery },
  async ({ services, swarm, query }) => services.events.list(swarm, query, Date.now()),
);
