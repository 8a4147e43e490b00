// GET /api/v1/swarms/{swarm}/bottlenecks — the swarm's bottlenecks, active or resolved; newest first, cursor-paged (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { bottleneckQuery } from "@/lib/server/features/swarms/swarm-lists";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's bottlenecks. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema }), query: bottleneckQuery },
  async ({ services, swarm, query }) => services.history.bottlenecks(swarm, query, Date.now()),
);
