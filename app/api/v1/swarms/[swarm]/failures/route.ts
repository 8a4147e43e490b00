// GET /api/v1/swarms/{swarm}/failures — the swarm's detected failures; newest first, cursor-paged (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { failureQuery, listFailures, requireSwarm } from "@/lib/read/swarm-lists";
import { swarmNameSchema } from "@/lib/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's failures. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: failureQuery }, async ({ rt, params, query }) =>
  listFailures(rt.db, await requireSwarm(rt.db, params.swarm), query, Date.now()),
);
