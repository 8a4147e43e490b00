// GET /api/v1/swarms/{swarm}/analytics/mttr?from&to&bucket — MTTR series from the rollups; empty buckets are gaps (viewer+).
import { z } from "zod";
import { mttr, mttrQuery } from "@/lib/analytics/swarm-analytics";
import { apiRoute } from "@/lib/api/route";
import { requireSwarm } from "@/lib/read/swarm-lists";
import { swarmNameSchema } from "@/lib/swarm-name";

export const dynamic = "force-dynamic";

/** The swarm's MTTR series. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: mttrQuery }, async ({ rt, params, query }) =>
  mttr(rt.pool, await requireSwarm(rt.db, params.swarm), query, Date.now()),
);
