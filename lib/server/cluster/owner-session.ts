// The ownership connection: a dedicated, non-pooled pg.Client (session advisory locks must not move between pooled
// connections) with TCP keepalive. It holds one advisory lock per owned swarm, takes ownership by incrementing the
// swarm's epoch, heartbeats the owner's cursor (fenced by that epoch) and LISTENs for ingest and engine notices.
// Postgres ends the session after OWNER_LEASE_S idle seconds, so a paused process (GC pause, SIGSTOP) loses its locks
// and another instance takes over within that plus one beat (8 s + about 1 s by default: docs/reliability.md#f5's 10 s).
import pg from "pg";
import { env } from "../platform/env";
import type { Cursor } from "./feed-ledger";

/** The advisory-lock class of engine ownership (two-int keys: class, swarm id). */
export const LOCK_CLASS = 0x534d;
/** Channel on which instances announce stored events (payload: swarm id). */
export const EVENTS_CHANNEL = "swarm_medic_events";
/** Channel on which instances relay engine inputs to a swarm's owner (payload: JSON). */
export const ENGINE_CHANNEL = "swarm_medic_engine";

/** What taking ownership returned: the new epoch and where the previous owner's cursor stood. */
export type Takeover = { epoch: bigint; cursor: Cursor };

/** A connected ownership session. */
export class OwnerSession {
  private constructor(private client: pg.Client) {}

  /** Connects, sets the lease and keepalives, and listens; `onNotice` gets notifications, `onEnd` the end of the session. */
  static async open(
    url: string,
    onNotice: (channel: string, payload: string) => void,
    onEnd: (err?: Error) => void,
  ): Promise<OwnerSession> {
    const client = new pg.Client({
      connectionString: url,
      keepAlive: true,
      keepAliveInitialDelayMillis: 2_000,
      connectionTimeoutMillis: 5_000,
      application_name: "swarm-medic-owner",
    });
    let ended = false;
    const end = (err?: Error) => {
      if (ended) return;
      ended = true;
      onEnd(err);
    };
    client.on("error", end);
    client.on("end", () => end());
    client.on("notification", (n) => onNotice(n.channel, n.payload ?? ""));
    try {
      await client.connect();
      await client.query(
        `SET idle_session_timeout = '${env().OWNER_LEASE_S}s'; SET tcp_keepalives_idle = 5; SET tcp_keepalives_interval = 2; SET tcp_keepalives_count = 2;` +
          `LISTEN ${EVENTS_CHANNEL}; LISTEN ${ENGINE_CHANNEL}`,
      );
    } catch (err) {
      await client.end().catch(() => undefined);
      throw err;
    }
    return new OwnerSession(client);
  }

  /** Tries the lock of every swarm not in `owned`; returns the swarms whose lock this session just took. */
  async tryLock(owned: readonly number[]): Promise<{ id: number; name: string }[]> {
    const { rows } = await this.client.query<{ id: number; name: string }>(
      `WITH candidates AS MATERIALIZED (SELECT id, name FROM swarms WHERE id <> ALL($2::int[]))
       SELECT id, name FROM candidates WHERE pg_try_advisory_lock($1, id)`,
      [LOCK_CLASS, owned],
    );
    return rows;
  }

  /** Swarm ids whose lock this session holds (re-checked every beat: the session may have been replaced). */
  async heldLocks(): Promise<Set<number>> {
    const { rows } = await this.client.query<{ objid: string }>(
      "SELECT objid::text FROM pg_locks WHERE locktype = 'advisory' AND classid = $1 AND objsubid = 2 AND granted AND pid = pg_backend_pid()",
      [LOCK_CLASS],
    );
    return new Set(rows.map((r) => Number(r.objid)));
  }

  /** Takes ownership of a locked swarm: epoch + 1, so the previous owner's writes no longer commit; `ownerUrl` is where
   * this instance answers reads of the swarm's engine (null until it listens). */
  async takeOwnership(swarmId: number, ownerId: string, ownerUrl: string | null): Promise<Takeover> {
    const { rows } = await this.client.query<{ epoch: string; tx: string; seq: string }>(
      `INSERT INTO swarm_owners (swarm_id, owner_id, owner_url, epoch, heartbeat_at) VALUES ($1, $2, $3, 1, now())
       ON CONFLICT (swarm_id) DO UPDATE SET owner_id = excluded.owner_id, owner_url = excluded.owner_url, epoch = swarm_owners.epoch + 1, heartbeat_at = now()
       RETURNING epoch::text, cursor_tx::text AS tx, cursor_seq::text AS seq`,
      [swarmId, ownerId, ownerUrl],
    );
    const r = rows[0]!;
    return { epoch: BigInt(r.epoch), cursor: { tx: BigInt(r.tx), seq: BigInt(r.seq) } };
  }

  /** Records the owners' cursors (and this instance's URL) where the epoch is still theirs; returns the swarm ids that
   * were fenced out. */
  async heartbeat(owned: readonly { swarmId: number; epoch: bigint; cursor: Cursor }[], ownerUrl: string | null): Promise<Set<number>> {
    if (owned.length === 0) {
      await this.client.query("SELECT 1");
      return new Set();
    }
    const { rows } = await this.client.query<{ swarm_id: number }>(
      `UPDATE swarm_owners o SET cursor_tx = v.tx::xid8, cursor_seq = v.seq, owner_url = coalesce($5, o.owner_url), heartbeat_at = now()
       FROM unnest($1::int[], $2::bigint[], $3::text[], $4::bigint[]) AS v(swarm_id, epoch, tx, seq)
       WHERE o.swarm_id = v.swarm_id AND o.epoch = v.epoch RETURNING o.swarm_id`,
      [
        owned.map((o) => o.swarmId),
        owned.map((o) => o.epoch.toString()),
        owned.map((o) => o.cursor.tx.toString()),
        owned.map((o) => o.cursor.seq.toString()),
        ownerUrl,
      ],
    );
    const kept = new Set(rows.map((r) => r.swarm_id));
    return new Set(owned.map((o) => o.swarmId).filter((id) => !kept.has(id)));
  }

  /** Gives a swarm's lock back (stepping down without ending the session). */
  async unlock(swarmId: number): Promise<void> {
    await this.client.query("SELECT pg_advisory_unlock($1, $2)", [LOCK_CLASS, swarmId]);
  }

  /** Ends the session (every lock is released with it). */
  async close(): Promise<void> {
    await this.client.end().catch(() => undefined);
  }
}
