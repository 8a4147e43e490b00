// GET /api/v1/swarms/{swarm}/agents/{agent} — one agent's live row, its recent failures and the healings aimed at
// it (viewer+); 404 when the engine does not know it and nothing is stored about it.
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { agentIdSchema } from "@/lib/server/features/agents/agents";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";

/** One agent. */
export const GET = apiRoute(
  { role: "viewer", params: z.object({ swarm: swarmNameSchema, agent: agentIdSchema }) },
  ({ services, swarm, params }) => services.agents.detail(swarm, params.agent, Date.now()),
);
