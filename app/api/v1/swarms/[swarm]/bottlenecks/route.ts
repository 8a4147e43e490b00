// GET /api/v1/swarms/{swarm}/bottlenecks — the swarm's bottlenecks, active or resolved; newest first, cursor-paged (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/api/route";
import { bottleneckQuery, listBottlenecks, requireSwarm } from "@/lib/read/swarm-lists";
import { swarmNameSchema } from "@/lib/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's bottlenecks. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: bottleneckQuery }, async ({ rt, params, query }) =>
  listBottlenecks(rt.db, await requireSwarm(rt.db, params.swarm), query, Date.now()),
);
