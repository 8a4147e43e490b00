// Ingest keys: created per swarm (creating the swarm if needed), verified on every ingest/coordinator call.
import type pg from "pg";
import type { Db } from "../db/prisma";
import { swarmNameSchema } from "../../contract/swarm-name";
import { credentialPrefix, hashCredential, hashesEqual, newCredential } from "./credentials";

/** The swarm an ingest key belongs to. */
export type IngestIdentity = { keyId: number; swarmId: number; swarm: string };

/** Creates the swarm when needed and a new ingest key for it; the plain key is returned once. */
export async function createIngestKey(
  db: Db,
  pepper: string,
  swarmName: string,
  name?: string,
): Promise<{ swarm: string; key: string; id: number }> {
  const swarm = swarmNameSchema.parse(swarmName);
  const key = newCredential("smk");
  const row = await db.swarm.upsert({ where: { name: swarm }, create: { name: swarm }, update: {} });
  const created = await db.ingestKey.create({
    data: { swarmId: row.id, name: name ?? null, prefix: credentialPrefix(key), hash: hashCredential(pepper, key) },
  });
  return { swarm, key, id: created.id };
}

/** Revokes an ingest key; it stops working within the verifier's cache lifetime (at once on the instance that calls IngestKeyVerifier.forget). */
export async function revokeIngestKey(db: Db, id: number): Promise<void> {
  await db.ingestKey.update({ where: { id }, data: { revokedAt: new Date() } });
}

type CacheEntry = { identity: IngestIdentity | null; until: number };

/** Verifies ingest keys against the database, with a short positive/negative cache for the hot path. */
export class IngestKeyVerifier {
  private cache = new Map<string, CacheEntry>();
  private lastTouched = new Map<number, number>();

  constructor(
    private pool: pg.Pool,
    private pepper: string,
    private ttlMs = 5_000,
    private now: () => number = Date.now,
  ) {}

  /** The identity behind `key`, or null when it is unknown or revoked. Throws when the database is down. */
  async verify(key: string | undefined): Promise<IngestIdentity | null> {
    if (!key || !key.startsWith("smk_") || key.length > 200) return null;
    const t = this.now();
    // Keyed by the presented key itself (process memory only), so a cache hit costs no HMAC.
    const hit = this.cache.get(key);
    if (hit && hit.until > t) return hit.identity;
    const hash = hashCredential(this.pepper, key);
    const { rows } = await this.pool.query<{ id: number; swarm_id: number; name: string; hash: string }>(
      `SELECT k.id, k.swarm_id, s.name, k.hash FROM ingest_keys k JOIN swarms s ON s.id = k.swarm_id
       WHERE k.prefix = $1 AND k.revoked_at IS NULL`,
      [credentialPrefix(key)],
    );
    const row = rows.find((r) => hashesEqual(r.hash, hash));
    const identity = row ? { keyId: row.id, swarmId: row.swarm_id, swarm: row.name } : null;
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { identity, until: t + this.ttlMs });
    if (identity) this.touch(identity.keyId, t);
    return identity;
  }

  /** Drops the cached verdicts of a key (after revocation), so its next use is checked against the database. */
  forget(keyId: number): void {
    for (const [key, entry] of this.cache) if (entry.identity?.keyId === keyId) this.cache.delete(key);
  }

  /** Records last use at most once a minute per key, off the request path. */
  private touch(keyId: number, t: number) {
    if ((this.lastTouched.get(keyId) ?? 0) > t - 60_000) return;
    this.lastTouched.set(keyId, t);
    this.pool.query("UPDATE ingest_keys SET last_used_at = now() WHERE id = $1", [keyId]).catch(() => undefined);
  }
}
