// GET /api/v1/swarms/{swarm}/analytics/overview?range= — health score, healing, prediction quality, bottlenecks, throughput (viewer+).
import { z } from "zod";
import { overview, overviewQuery } from "@/lib/analytics/swarm-analytics";
import { apiRoute } from "@/lib/api/route";
import { requireSwarm } from "@/lib/read/swarm-lists";
import { swarmNameSchema } from "@/lib/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's overview figures. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: overviewQuery }, async ({ rt, params, query }) =>
  overview(rt.pool, await requireSwarm(rt.db, params.swarm), query.range, Date.now()),
);
