// GET /api/v1/swarms/{swarm}/analytics/strategies — per-strategy effectiveness with trend and recommendation (viewer+).
import { z } from "zod";
import { strategies, strategiesQuery } from "@/lib/analytics/swarm-analytics";
import { apiRoute } from "@/lib/api/route";
import { requireSwarm } from "@/lib/read/swarm-lists";
import { swarmNameSchema } from "@/lib/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's strategy effectiveness. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: strategiesQuery }, async ({ rt, params, query }) =>
  strategies(rt.pool, await requireSwarm(rt.db, params.swarm), query.range, Date.now()),
);
