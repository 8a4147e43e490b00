// The hot ingest write, one transaction per flush, atomic, idempotent by (swarm, event id), through the shared pool:
// a small flush is one statement (one round trip: jsonb_to_recordset → event_keys dedup → events insert); a large one
// claims its keys and COPYs the fresh events (Postgres' bulk-load path: about a quarter less Postgres CPU per event,
// for three more round trips).
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { ValidEvent } from "../ingest/validate-batch";
import { copyField, copyJson } from "./copy-text";

/** A validated event with its final id (`keyed` is false when the server generated the id). */
export type StoredEvent = ValidEvent & { eventId: string };

/** One row handed to the insert statement. */
export type EventRow = {
  swarm_id: number;
  event_id: string;
  type: string;
  ts: string;
  agent_id: string | null;
  task_id: string | null;
  received_at: string;
  body: Record<string, unknown>;
  keyed: boolean;
};

const INSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(swarm_id int, event_id text, type text, ts timestamptz,
    agent_id text, task_id text, received_at timestamptz, body jsonb, keyed boolean)
), fresh AS (
  INSERT INTO event_keys (swarm_id, event_id)
  SELECT swarm_id, event_id FROM input WHERE keyed
  ON CONFLICT DO NOTHING
  RETURNING swarm_id, event_id
), stored AS (
  INSERT INTO events (swarm_id, event_id, type, ts, agent_id, task_id, received_at, body)
  SELECT i.swarm_id, i.event_id, i.type, i.ts, i.agent_id, i.task_id, i.received_at, i.body
  FROM input i
  WHERE NOT i.keyed OR EXISTS (SELECT 1 FROM fresh f WHERE f.swarm_id = i.swarm_id AND f.event_id = i.event_id)
)
-- Only the duplicates come back (usually none): far less to send and parse than every stored row; plus one row
-- with the writing transaction's id (every stored row's \`tx\`), so the engine owner can tell these rows apart.
SELECT i.swarm_id, i.event_id, NULL AS tx FROM input i
WHERE i.keyed AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.swarm_id = i.swarm_id AND f.event_id = i.event_id)
UNION ALL SELECT NULL, NULL, pg_current_xact_id()::text`;

// The idempotency keys first, in the flush's transaction: ON CONFLICT leaves out keys already stored (waiting for a
// concurrent flush holding the same key to finish), so only fresh events are then COPYed. Only the duplicates come
// back (none, without the anti-join, when every key was fresh), plus one row with the transaction id that every
// stored row carries in `tx`, so the engine owner can tell these rows apart.
const KEYS_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::text[]) AS t(swarm_id, event_id)
), fresh AS (
  INSERT INTO event_keys (swarm_id, event_id) SELECT swarm_id, event_id FROM input
  ON CONFLICT DO NOTHING
  RETURNING swarm_id, event_id
)
SELECT i.swarm_id, i.event_id, NULL AS tx FROM input i
WHERE (SELECT count(*) FROM fresh) < cardinality($2::text[])
  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.swarm_id = i.swarm_id AND f.event_id = i.event_id)
UNION ALL SELECT NULL, NULL, pg_current_xact_id()::text`;

const COPY_SQL = "COPY events (swarm_id, event_id, type, ts, agent_id, task_id, received_at, body) FROM STDIN";

/** What one insert did: the `${swarm_id}:${event_id}` keys that were already stored, and the transaction id of the rows it stored. */
export type InsertOutcome = { duplicates: Set<string>; tx: string };

/** Flushes of at least this many rows are COPYed; smaller ones are one statement. */
export const COPY_MIN_ROWS = 200;

type OutcomeRow = { swarm_id: number | null; event_id: string | null; tx: string | null };

function outcomeOf(out: readonly OutcomeRow[]): InsertOutcome {
  const duplicates = new Set<string>();
  let tx = "0";
  for (const r of out) {
    if (r.tx !== null) tx = r.tx;
    else duplicates.add(`${r.swarm_id}:${r.event_id}`);
  }
  return { duplicates, tx };
}

function copyText(rows: readonly EventRow[]): string {
  let text = "";
  for (const r of rows) {
    text += `${r.swarm_id}\t${copyField(r.event_id)}\t${copyField(r.type)}\t${r.ts}\t${copyField(r.agent_id)}\t${copyField(r.task_id)}\t${r.received_at}\t${copyJson(r.body)}\n`;
  }
  return text;
}

async function copyInTransaction(client: pg.PoolClient, rows: readonly EventRow[]): Promise<InsertOutcome> {
  const keyed = rows.filter((r) => r.keyed);
  // Named: parsed and planned once per connection instead of on every flush.
  const { rows: out } = await client.query<OutcomeRow>({ name: "claim-event-keys", text: KEYS_SQL, values: [keyed.map((r) => r.swarm_id), keyed.map((r) => r.event_id)] });
  const { duplicates, tx } = outcomeOf(out);
  const fresh = duplicates.size === 0 ? rows : rows.filter((r) => !r.keyed || !duplicates.has(`${r.swarm_id}:${r.event_id}`));
  if (fresh.length > 0) {
    const text = copyText(fresh);
    await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(COPY_SQL)));
  }
  return { duplicates, tx };
}

/** Inserts rows (no two with the same swarm and id) in one transaction: one statement below `copyMinRows` rows,
 * else keys claimed and fresh events COPYed. */
export async function insertEventRows(pool: pg.Pool, rows: EventRow[], copyMinRows = COPY_MIN_ROWS): Promise<InsertOutcome> {
  if (rows.length === 0) return { duplicates: new Set(), tx: "0" };
  if (rows.length < copyMinRows) {
    const { rows: out } = await pool.query<OutcomeRow>({ name: "insert-events", text: INSERT_SQL, values: [JSON.stringify(rows)] });
    return outcomeOf(out);
  }
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query("BEGIN");
    const outcome = await copyInTransaction(client, rows);
    await client.query("COMMIT");
    return outcome;
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => (broken = e));
    throw err;
  } finally {
    client.release(broken);
  }
}
