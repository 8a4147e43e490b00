// Before each benchmark phase (before its warm-up): the rows earlier phases wrote are vacuumed and analyzed first
// (autovacuum's work, which would otherwise land in this phase), and autovacuum is kept off the tables the phases
// write: it wakes once a minute, so within a 10 s phase it would land at random. Checkpoints are left to Postgres:
// at these write rates (25–50 MB of WAL per second) it starts one every few tens of seconds, in every phase alike,
// as it would on a server ingesting at that rate.
import type pg from "pg";

const TABLES = ["events", "event_keys", "bench_copy", "bench_copy_keys"];

/** Turns autovacuum off on every table (every partition) the phases write, then vacuums and analyzes them. */
export async function quiesce(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ rel: string }>(
    "SELECT relid::regclass::text AS rel FROM unnest($1::regclass[]) AS t(root), pg_partition_tree(root) WHERE isleaf",
    [TABLES],
  );
  for (const { rel } of rows) await pool.query(`ALTER TABLE ${rel} SET (autovacuum_enabled = false)`);
  await pool.query(`VACUUM (ANALYZE) ${TABLES.join(", ")}`);
}
