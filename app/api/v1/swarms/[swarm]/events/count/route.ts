// GET /api/v1/swarms/{swarm}/events/count — exact count of stored events in a window (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { countEventsQuery } from "@/lib/server/features/events/list-events";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Counts a swarm's events. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: countEventsQuery },
  async ({ services, swarm, query }) => services.events.count(swarm, query, Date.now()),
);
