// GET /api/v1/swarms/{swarm}/analytics/strategies — per-strategy effectiveness with trend and recommendation (viewer+).
import { z } from "zod";
import { strategies, strategiesQuery } from "@/lib/server/features/analytics/swarm-analytics";
import { apiRoute } from "@/lib/server/http/route";
import { requireSwarm } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's strategy effectiveness. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: strategiesQuery }, async ({ rt, params, query }) =>
  strategies(rt.pool, await requireSwarm(rt.db, params.swarm), query.range, Date.now()),
);
