// /api/v1/swarms/{swarm}/keys — the swarm's ingest keys (admin; the key itself is shown once, on creation).
import { z } from "zod";
import { json, apiRoute } from "@/lib/server/http/route";
import { createSwarmIngestKey, listIngestKeys } from "@/lib/server/features/keys/ingest-key-admin";
import { swarmNameSchema } from "@/lib/contract/swarm-name";

export const dynamic = "force-dynamic";
const params = z.object({ swarm: swarmNameSchema });
const body = z.strictObject({ name: z.string().trim().min(1).max(100).optional() });

/** The swarm's keys, newest first (prefix only, never the hash). */
export const GET = apiRoute({ role: "admin", params }, ({ rt, params }) => listIngestKeys(rt, params.swarm));

/** Creates a key: 201 with `key` ("smk_..."), shown once. */
export const POST = apiRoute({ role: "admin", params, body }, async ({ rt, principal, params, body }) =>
  json(await createSwarmIngestKey(rt, principal, params.swarm, body.name), 201),
);
