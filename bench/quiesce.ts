// Before each benchmark phase (before its warm-up), every phase starts from the same state: `events` and `event_keys`
// are emptied (the rows earlier phases wrote were checked right after them) and a checkpoint writes out what is
// dirty, so no phase pays for its predecessors' writes (their writeback, vacuum or a checkpoint they filled the WAL
// for) and the API and the raw COPY baseline write into the same tables at the same sizes. Autovacuum is kept off
// those tables: on an emptied table it would start after the first thousand rows, at random inside a phase.
import type pg from "pg";

const TABLES = ["events", "event_keys"];

/** Turns autovacuum off on every table (every partition) the phases write, empties them and checkpoints. */
export async function quiesce(pool: pg.Pool): Promise<void> {
  const { rows } = await pool.query<{ rel: string }>(
    "SELECT relid::regclass::text AS rel FROM unnest($1::regclass[]) AS t(root), pg_partition_tree(root) WHERE isleaf",
    [TABLES],
  );
  for (const { rel } of rows) await pool.query(`ALTER TABLE ${rel} SET (autovacuum_enabled = false)`);
  await pool.query(`TRUNCATE ${TABLES.join(", ")}`);
  await pool.query("CHECKPOINT");
}
