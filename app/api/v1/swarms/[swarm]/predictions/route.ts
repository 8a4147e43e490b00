// GET /api/v1/swarms/{swarm}/predictions — the swarm's predictions (every one, also those below the proposal threshold); newest first, cursor-paged (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { predictionQuery, listPredictions, requireSwarm } from "@/lib/read/swarm-lists";
import { swarmNameSchema } from "@/lib/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's predictions. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: predictionQuery }, async ({ rt, params, query }) =>
  listPredictions(rt.db, await requireSwarm(rt.db, params.swarm), query, Date.now()),
);
