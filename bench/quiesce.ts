// Between benchmark phases: the vacuum and analyze that autovacuum would run for the rows the previous phase (or the
// warm-up) wrote are done before the next phase is measured, so no phase pays for another's writes.
import type pg from "pg";

/** Vacuums and analyzes the tables the ingest phases and their baselines write. */
export async function quiesce(pool: pg.Pool): Promise<void> {
  await pool.query("VACUUM (ANALYZE) events, event_keys, bench_copy, bench_copy_keys");
}
