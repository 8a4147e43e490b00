// GET /api/v1/swarms/{swarm}/healings — the swarm's healings with their commands; newest first, cursor-paged (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { healingQuery } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's healings. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: healingQuery },
  async ({ services, swarm, query }) => services.history.healings(swarm, query, Date.now()),
);
