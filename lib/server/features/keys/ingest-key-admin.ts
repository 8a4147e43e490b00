// Admin management of a swarm's ingest keys over the API: list (never the hash), create (the key shown once),
// revoke (effective at once on this instance), each audit-logged.
import { audit } from "../audit/audit-log";
import { notFound } from "../../http/errors";
import type { Db } from "../../db/prisma";
import type { SwarmRef } from "../../http/route";
import type { Principal } from "../../auth/principal";
import { createIngestKey, type IngestKeyVerifier } from "../../auth/ingest-keys";
import type { CreatedIngestKey, IngestKeyView } from "../../../contract/items/ingest-keys";

/** What key administration uses: the store, the pepper keys are hashed with, and this instance's key verifier. */
export type KeyAdminDeps = { db: Db; pepper: string; ingestKeys: Pick<IngestKeyVerifier, "forget"> };

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
export async function listIngestKeys({ db }: Pick<KeyAdminDeps, "db">, swarm: SwarmRef): Promise<IngestKeyView[]> {
  const rows = await db.ingestKey.findMany({ where: { swarmId: swarm.id }, select, orderBy: { id: "desc" } });
  return rows.map(toView);
}

/** Creates a key for an existing swarm; the plain key is in the answer only. */
export async function createSwarmIngestKey(
  { db, pepper }: Pick<KeyAdminDeps, "db" | "pepper">,
  principal: Principal,
  swarm: SwarmRef,
  name?: string,
): Promise<CreatedIngestKey> {
  const swarmId = swarm.id;
  const created = await createIngestKey(db, pepper, swarm.name, name);
  const row = await db.ingestKey.findUniqueOrThrow({ where: { id: created.id }, select });
  await audit(db, {
    actor: principal,
    action: "ingest_key.create",
    target: `ingest_key:${row.id}`,
    result: "ok",
    swarmId,
    detail: { name: row.name, prefix: row.prefix },
  });
  return { ...toView(row), key: created.key };
}

/** Revokes one of the swarm's keys (idempotent); the verifier forgets it, so the next use is refused. */
export async function revokeSwarmIngestKey(
  { db, ingestKeys }: Pick<KeyAdminDeps, "db" | "ingestKeys">,
  principal: Principal,
  swarm: SwarmRef,
  id: number,
): Promise<IngestKeyView> {
  const swarmId = swarm.id;
  const key = await db.ingestKey.findFirst({ where: { id, swarmId }, select });
  if (!key) throw notFound("The ingest key");
  const row = key.revokedAt ? key : await db.ingestKey.update({ where: { id }, data: { revokedAt: new Date() }, select });
  ingestKeys.forget(id);
  await audit(db, {
    actor: principal,
    action: "ingest_key.revoke",
    target: `ingest_key:${id}`,
    result: "ok",
    swarmId,
    detail: { name: row.name, prefix: row.prefix },
  });
  return toView(row);
}

/** Ingest-key administration for the API routes. */
export class IngestKeyAdmin {
  constructor(private readonly deps: KeyAdminDeps) {}

  /** See listIngestKeys. */
  list(swarm: SwarmRef): Promise<IngestKeyView[]> {
    return listIngestKeys(this.deps, swarm);
  }

  /** See createSwarmIngestKey. */
  create(principal: Principal, swarm: SwarmRef, name?: string): Promise<CreatedIngestKey> {
    return createSwarmIngestKey(this.deps, principal, swarm, name);
  }

  /** See revokeSwarmIngestKey. */
  revoke(principal: Principal, swarm: SwarmRef, id: number): Promise<IngestKeyView> {
    return revokeSwarmIngestKey(this.deps, principal, swarm, id);
  }
}
