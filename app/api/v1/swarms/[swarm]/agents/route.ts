// GET /api/v1/swarms/{swarm}/agents — every agent the engine tracks: state, success rate, p95 duration, heartbeat
// age, circuit-breaker state, and the swarm's degradation level (viewer+).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** Lists the swarm's agents. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema }) }, ({ services, swarm }) =>
  services.agents.list(swarm, Date.now()),
);
