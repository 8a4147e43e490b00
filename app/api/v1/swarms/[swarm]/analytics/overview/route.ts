// GET /api/v1/swarms/{swarm}/analytics/overview?range= — health score, healing, prediction quality, bottlenecks, throughput (viewer+).
import { z } from "zod";
import { overview, overviewQuery } from "@/lib/server/features/analytics/swarm-analytics";
import { apiRoute } from "@/lib/server/http/route";
import { requireSwarm } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's overview figures. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: overviewQuery }, async ({ rt, params, query }) =>
  overview(rt.pool, await requireSwarm(rt.db, params.swarm), query.range, Date.now()),
);
