// GET /api/v1/swarms/{swarm}/analytics/overview?range= — health score, healing, prediction quality, bottlenecks, throughput (viewer+).
import { z } from "zod";
import { overviewQuery } from "@/lib/server/features/analytics/swarm-analytics";
import { apiRoute } from "@/lib/server/features/api-route";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's overview figures. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: overviewQuery },
  async ({ services, swarm, query }) => services.analytics.overview(swarm, query.range, Date.now()),
);
