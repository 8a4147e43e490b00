// Admin management of a swarm's ingest keys over the API: list (never the hash), create (the key shown once),
// revoke (effective at once on this instance), each audit-logged.
import { audit } from "../audit/audit-log";
import { notFound } from "../../http/errors";
import { requireSwarm } from "../swarms/swarm-lists";
import type { Runtime } from "../../platform/runtime";
import type { Principal } from "../../auth/principal";
import { createIngestKey } from "../../auth/ingest-keys";
import type { CreatedIngestKey, IngestKeyView } from "../../../contract/items/ingest-keys";

const select = { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true, revokedAt: true } as const;

type Row = { id: number; name: string | null; prefix: string; createdAt: Date; lastUsedAt: Date | null; revokedAt: Date | null };

const toView = (k: Row): IngestKeyView => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  created_at: k.createdAt.toISOString(),
  last_used_at: k.lastUsedAt?.toISOString() ?? null,
  revoked_at: k.revokedAt?.toISOString() ?? null,
});

/** The swarm's ingest keys, newest first. */
export async function listIngestKeys(rt: Runtime, swarm: string): Promise<IngestKeyView[]> {
  const swarmId = await requireSwarm(rt.db, swarm);
  const rows = await rt.db.ingestKey.findMany({ where: { swarmId }, select, orderBy: { id: "desc" } });
  return rows.map(toView);
}

/** Creates a key for an existing swarm; the plain key is in the answer only. */
export async function createSwarmIngestKey(rt: Runtime, principal: Principal, swarm: string, name?: string): Promise<CreatedIngestKey> {
  const swarmId = await requireSwarm(rt.db, swarm);
  const created = await createIngestKey(rt.db, rt.pepper, swarm, name);
  const row = await rt.db.ingestKey.findUniqueOrThrow({ where: { id: created.id }, select });
  await audit(rt.db, { actor: principal, action: "ingest_key.create", target: `ingest_key:${row.id}`, result: "ok", swarmId, detail: { name: row.name, prefix: row.prefix } });
  return { ...toView(row), key: created.key };
}

/** Revokes one of the swarm's keys (idempotent); the verifier forgets it, so the next use is refused. */
export async function revokeSwarmIngestKey(rt: Runtime, principal: Principal, swarm: string, id: number): Promise<IngestKeyView> {
  const swarmId = await requireSwarm(rt.db, swarm);
  const key = await rt.db.ingestKey.findFirst({ where: { id, swarmId }, select });
  if (!key) throw notFound("The ingest key");
  const row = key.revokedAt ? key : await rt.db.ingestKey.update({ where: { id }, data: { revokedAt: new Date() }, select });
  rt.ingestKeys.forget(id);
  await audit(rt.db, { actor: principal, action: "ingest_key.revoke", target: `ingest_key:${id}`, result: "ok", swarmId, detail: { name: row.name, prefix: row.prefix } });
  return toView(row);
}
