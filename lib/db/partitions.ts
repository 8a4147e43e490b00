// Daily partitions of `events`: created ahead of the ingest window, dropped after the retention period,
// and the idempotency keys pruned once no retry could still arrive (ingest accepts timestamps ≤ 7 days old).
import type pg from "pg";

const DAY = 86_400_000;
const LOCK_KEY = 72_707_370;

/** `events_pYYYYMMDD` for the UTC day containing `t`. */
export function partitionName(t: number): string {
  return `events_p${new Date(t).toISOString().slice(0, 10).replaceAll("-", "")}`;
}

/** Start of the UTC day containing `t`. */
export function dayStart(t: number): number {
  return Math.floor(t / DAY) * DAY;
}

/** Creates the partitions covering [now − back days, now + ahead days]; returns the names created. */
export async function ensurePartitions(pool: pg.Pool, now: number, back = 8, ahead = 3): Promise<string[]> {
  const created: string[] = [];
  for (let d = -back; d <= ahead; d++) {
    const from = dayStart(now) + d * DAY;
    const name = partitionName(from);
    const exists = await pool.query("SELECT 1 FROM pg_class WHERE relname = $1", [name]);
    if (exists.rowCount) continue;
    try {
      await pool.query(
        `CREATE TABLE IF NOT EXISTS "${name}" PARTITION OF events FOR VALUES FROM ('${new Date(from).toISOString()}') TO ('${new Date(from + DAY).toISOString()}')`,
      );
      created.push(name);
    } catch (e) {
      // Rows for that day already sit in the default partition: they stay there (still queryable).
      if ((e as { code?: string }).code !== "23514" && (e as { code?: string }).code !== "42P07") throw e;
    }
  }
  return created;
}

/** Drops daily partitions entirely older than the retention period and prunes old idempotency keys. */
export async function applyRetention(pool: pg.Pool, now: number, retentionDays: number): Promise<string[]> {
  const client = await pool.connect();
  try {
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
    if (!lock[0]?.ok) return [];
    try {
      const cutoff = partitionName(dayStart(now) - retentionDays * DAY);
      const { rows } = await client.query<{ relname: string }>(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid JOIN pg_class p ON p.oid = i.inhparent
         WHERE p.relname = 'events' AND c.relname ~ '^events_p[0-9]{8}$' AND c.relname < $1 ORDER BY c.relname`,
        [cutoff],
      );
      for (const r of rows) await client.query(`DROP TABLE "${r.relname}"`);
      await client.query("DELETE FROM event_keys WHERE created_at < $1", [new Date(now - 8 * DAY)]);
      return rows.map((r) => r.relname);
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
