// GET /api/v1/swarms/{swarm}/failures — the swarm's detected failures; newest first, cursor-paged (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { failureQuery } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's failures. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: failureQuery },
  async ({ services, swarm, query }) => services.history.failures(swarm, query, Date.now()),
);
