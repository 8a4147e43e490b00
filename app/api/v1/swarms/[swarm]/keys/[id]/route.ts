// /api/v1/swarms/{swarm}/keys/{id} — revokes an ingest key (admin; refused from its next use on).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";
const params = z.object({ swarm: swarmNameSchema, id: z.coerce.number().int().positive().max(2_147_483_647) });

/** Revokes the key (idempotent) and returns it. */
export const DELETE = apiRoute({ role: "admin", params }, ({ services, principal, swarm, params }) =>
  services.keys.revoke(principal, swarm, params.id),
);
