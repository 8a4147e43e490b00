// GET /api/v1/swarms/{swarm}/predictions — the swarm's predictions (every one, also those below the proposal threshold); newest first, cursor-paged (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { predictionQuery } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's predictions. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: predictionQuery },
  async ({ services, swarm, query }) => services.history.predictions(swarm, query, Date.now()),
);
