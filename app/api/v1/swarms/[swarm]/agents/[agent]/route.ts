// GET /api/v1/swarms/{swarm}/agents/{agent} — one agent's live row, its recent failures and the healings aimed at
// it (viewer+); 404 when the engine does not know it and nothing is stored about it.
import { z } from "zod";
import { apiRoute } from "@/lib/server/http/route";
import { agentDetail, agentIdSchema } from "@/lib/server/features/agents/agents";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** One agent. */
export const GET = apiRoute({ role: "viewer", params: z.object({ swarm: swarmNameSchema, agent: agentIdSchema }) }, ({ rt, params }) =>
  agentDetail(rt, params.swarm, params.agent, Date.now()),
);
