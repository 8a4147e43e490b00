// /api/v1/swarms/{swarm}/keys — the swarm's ingest keys (admin; the key itself is shown once, on creation).
import { z } from "zod";
import { json, apiRoute } from "@/lib/server/features/api-route";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";
const params = z.object({ swarm: swarmNameSchema });
const body = z.strictObject({ name: z.string().trim().min(1).max(100).optional() });

/** The swarm's keys, newest first (prefix only, never the hash). */
export const GET = apiRoute({ role: "admin", params }, ({ services, swarm }) => services.keys.list(swarm));

/** Creates a key: 201 with `key` ("smk_..."), shown once. */
export const POST = apiRoute({ role: "admin", params, body }, async ({ services, principal, swarm, body }) =>
  json(await services.keys.create(principal, swarm, body.name), 201),
);
