// Before each benchmark phase (before its warm-up): the work Postgres would otherwise do during it for rows earlier
// phases wrote is done first — their vacuum and analyze and a checkpoint (the COPY baselines write ~1 GB of WAL, which
// starts one) — and autovacuum is kept off the tables the phases write: it wakes once a minute, so within a 10 s phase
// it would land at random. The warm-up then takes the first writes to each page after the checkpoint (full-page
// images in the WAL), as a server that has been running would have.
import type pg from "pg";

const TABLES = ["events", "event_keys", "bench_copy", "bench_copy_keys"];

/** Turns autovacuum off on every table (every partition) the phases write, vacuums and analyzes them, checkpoints. */
export async function quiesce(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ rel: string }>(
    "SELECT relid::regclass::text AS rel FROM unnest($1::regclass[]) AS t(root), pg_partition_tree(root) WHERE isleaf",
    [TABLES],
  );
  for (const { rel } of rows) await pool.query(`ALTER TABLE ${rel} SET (autovacuum_enabled = false)`);
  await pool.query(`VACUUM (ANALYZE) ${TABLES.join(", ")}`);
  await pool.query("CHECKPOINT");
}
