// GET /api/v1/swarms/{swarm}/analytics/mttr?from&to&bucket — MTTR series from the rollups; empty buckets are gaps (viewer+).
import { z } from "zod";
import { mttrQuery } from "@/lib/server/features/analytics/swarm-analytics";
import { apiRoute } from "@/lib/server/features/api-route";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's MTTR series. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: mttrQuery },
  async ({ services, swarm, query }) => services.analytics.mttr(swarm, query, Date.now()),
);
