// GET /api/v1/swarms/{swarm}/analytics/mttr?from&to&bucket — MTTR series from the rollups; empty buckets are gaps (viewer+).
import { z } from "zod";
import { mttr, mttrQuery } from "@/lib/server/features/analytics/swarm-analytics";
import { apiRoute } from "@/lib/server/http/route";
import { requireSwarm } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's MTTR series. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: mttrQuery }, async ({ rt, params, query }) =>
  mttr(rt.pool, await requireSwarm(rt.db, params.swarm), query, Date.now()),
);
