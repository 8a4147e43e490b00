// The raw-Postgres baselines: COPY of events-shaped rows (pg-copy-streams) straight into `events`, the table the API
// writes, and, for the same durable writes the API makes per event, also COPY of their idempotency keys into
// `event_keys` in the same transaction, on the baseline's own swarm. Like every phase it starts on emptied tables
// (quiesce.ts), so the API and the baseline write into the same partitions and indexes at the same sizes.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import { COPY_COLUMNS, copyRows } from "./events";

/** Outcome of the COPY phase. */
export type CopyResult = {
  durationS: number;
  rows: number;
  batches: number;
  rowsPerS: number;
  streams: number;
  batchRows: number;
  withKeys: boolean;
};

/** What a COPY phase writes: `tag` makes its event ids unique among all phases of the run. */
export type CopySpec = { durationS: number; batchRows: number; streams: number; swarmId: number; withKeys: boolean; tag: string };

async function copyStream(pool: pg.Pool, stream: number, deadline: number, spec: CopySpec): Promise<number> {
  const client = await pool.connect();
  let batches = 0;
  try {
    while (Date.now() < deadline) {
      const prefix = `${spec.tag}s${stream}b${batches}`;
      const text = copyRows(spec.swarmId, prefix, spec.batchRows);
      if (spec.withKeys) await client.query("BEGIN");
      await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(`COPY events (${COPY_COLUMNS}) FROM STDIN`)));
      if (spec.withKeys) {
        const keys = Array.from({ length: spec.batchRows }, (_, i) => `${spec.swarmId}\t${prefix}.${i}\n`).join("");
        await pipeline(Readable.from([Buffer.from(keys)]), client.query(copyFrom("COPY event_keys (swarm_id, event_id) FROM STDIN")));
        await client.query("COMMIT");
      }
      batches++;
    }
  } finally {
    client.release();
  }
  return batches;
}

const storedRows = async (pool: pg.Pool, swarmId: number) =>
  (await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE swarm_id = $1", [swarmId])).rows[0]!.n;

/** COPYs batches of `batchRows` rows (and their keys when `withKeys`) on `streams` connections for `durationS`; checks the row count. */
export async function runCopy(pool: pg.Pool, spec: CopySpec): Promise<CopyResult> {
  const before = await storedRows(pool, spec.swarmId);
  const start = Date.now();
  const deadline = start + spec.durationS * 1000;
  const perStream = await Promise.all(Array.from({ length: spec.streams }, (_, s) => copyStream(pool, s, deadline, spec)));
  const durationS = (Date.now() - start) / 1000;
  const batches = perStream.reduce((a, b) => a + b, 0);
  const rows = batches * spec.batchRows;
  const added = (await storedRows(pool, spec.swarmId)) - before;
  if (added !== rows) throw new Error(`the COPY phase added ${added} rows to events, expected ${rows}`);
  return {
    durationS,
    rows,
    batches,
    rowsPerS: rows / durationS,
    streams: spec.streams,
    batchRows: spec.batchRows,
    withKeys: spec.withKeys,
  };
}
