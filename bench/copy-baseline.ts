// The raw-Postgres baselines: COPY of events-shaped rows (pg-copy-streams) into `bench_copy`, a table with the
// columns, defaults, primary key, index and daily range partitioning of `events`, so it carries the same costs;
// and, for the same durable writes the API makes per event, also COPY of their idempotency keys into
// `bench_copy_keys` (shaped like `event_keys`) in the same transaction.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { COPY_COLUMNS, copyRows } from "./events";

const DAY = 86_400_000;

/** Outcome of the COPY phase. */
export type CopyResult = { durationS: number; rows: number; batches: number; rowsPerS: number; streams: number; batchRows: number; withKeys: boolean };

/** Creates `bench_copy` like `events`, with a partition for each of yesterday..tomorrow (UTC) and a default one. */
export async function createCopyTable(pool: pg.Pool, now: number): Promise<void> {
  await pool.query("CREATE TABLE bench_copy (LIKE events INCLUDING DEFAULTS INCLUDING INDEXES) PARTITION BY RANGE (ts)");
  await pool.query("CREATE TABLE bench_copy_default PARTITION OF bench_copy DEFAULT");
  for (let d = -1; d <= 1; d++) {
    const from = Math.floor(now / DAY) * DAY + d * DAY;
    await pool.query(
      `CREATE TABLE bench_copy_${d + 1} PARTITION OF bench_copy FOR VALUES FROM ('${new Date(from).toISOString()}') TO ('${new Date(from + DAY).toISOString()}')`,
    );
  }
  await pool.query("CREATE TABLE bench_copy_keys (LIKE event_keys INCLUDING DEFAULTS INCLUDING INDEXES)");
  const { rows } = await pool.query<{ indexdef: string }>("SELECT indexdef FROM pg_indexes WHERE tablename = 'bench_copy' ORDER BY indexname");
  if (rows.length !== 3) throw new Error(`bench_copy should carry the PK and indexes of events, has: ${rows.map((r) => r.indexdef).join("; ")}`);
}

async function copyStream(pool: pg.Pool, stream: number, deadline: number, batchRows: number, swarmId: number, withKeys: boolean): Promise<number> {
  const client = await pool.connect();
  let batches = 0;
  try {
    while (Date.now() < deadline) {
      const prefix = `c${withKeys ? "k" : ""}${stream}b${batches}`;
      const text = copyRows(swarmId, prefix, batchRows);
      if (withKeys) await client.query("BEGIN");
      await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(`COPY bench_copy (${COPY_COLUMNS}) FROM STDIN`)));
      if (withKeys) {
        const keys = Array.from({ length: batchRows }, (_, i) => `${swarmId}\t${prefix}.${i}\n`).join("");
        await pipeline(Readable.from([Buffer.from(keys)]), client.query(copyFrom("COPY bench_copy_keys (swarm_id, event_id) FROM STDIN")));
        await client.query("COMMIT");
      }
      batches++;
    }
  } finally {
    client.release();
  }
  return batches;
}

/** COPYs batches of `batchRows` rows (and their keys when `withKeys`) on `streams` connections for `durationS`; checks the row count. */
export async function runCopy(pool: pg.Pool, opts: { durationS: number; batchRows: number; streams: number; swarmId: number; withKeys: boolean }): Promise<CopyResult> {
  await pool.query("TRUNCATE bench_copy, bench_copy_keys");
  const start = Date.now();
  const deadline = start + opts.durationS * 1000;
  const perStream = await Promise.all(Array.from({ length: opts.streams }, (_, s) => copyStream(pool, s, deadline, opts.batchRows, opts.swarmId, opts.withKeys)));
  const durationS = (Date.now() - start) / 1000;
  const batches = perStream.reduce((a, b) => a + b, 0);
  const rows = batches * opts.batchRows;
  const { rows: count } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM bench_copy");
  if (count[0]?.n !== rows) throw new Error(`bench_copy holds ${count[0]?.n} rows, expected ${rows}`);
  return { durationS, rows, batches, rowsPerS: rows / durationS, streams: opts.streams, batchRows: opts.batchRows, withKeys: opts.withKeys };
}
