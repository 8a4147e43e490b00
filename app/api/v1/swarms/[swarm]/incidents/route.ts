// GET /api/v1/swarms/{swarm}/incidents — each fault and how it is handled now (healing, awaiting_decision, recovering,
// needs_operator with the reason, or resolved); open ones by default, newest first, cursor-paged (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { incidentQuery } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's incidents. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: incidentQuery },
  async ({ services, swarm, query }) => services.history.incidents(swarm, query, Date.now()),
);
