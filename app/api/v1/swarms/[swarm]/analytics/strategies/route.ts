// GET /api/v1/swarms/{swarm}/analytics/strategies — per-strategy effectiveness with trend and recommendation (viewer+).
import { z } from "zod";
import { strategiesQuery } from "@/lib/server/features/analytics/swarm-analytics";
import { apiRoute } from "@/lib/server/features/api-route";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's strategy effectiveness. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: strategiesQuery },
  async ({ services, swarm, query }) => services.analytics.strategies(swarm, query.range, Date.now()),
);
