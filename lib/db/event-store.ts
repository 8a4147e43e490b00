// The hot ingest write: one statement per flush (jsonb_to_recordset → event_keys dedup → events insert),
// atomic, idempotent by (swarm, event id), through the shared pool.
import type pg from "pg";
import type { ValidEvent } from "../ingest/validate-batch";

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

/** What one insert did: the `${swarm_id}:${event_id}` keys that were already stored, and the transaction id of the rows it stored. */
export type InsertOutcome = { duplicates: Set<string>; tx: string };

/** Inserts rows (no two with the same swarm and id) in one transaction. */
export async function insertEventRows(pool: pg.Pool, rows: EventRow[]): Promise<InsertOutcome> {
  if (rows.length === 0) return { duplicates: new Set(), tx: "0" };
  // Named: parsed and planned once per connection instead of on every flush.
  const { rows: out } = await pool.query<{ swarm_id: number | null; event_id: string | null; tx: string | null }>({ name: "insert-events", text: INSERT_SQL, values: [JSON.stringify(rows)] });
  const duplicates = new Set<string>();
  let tx = "0";
  for (const r of out) {
    if (r.tx !== null) tx = r.tx;
    else duplicates.add(`${r.swarm_id}:${r.event_id}`);
  }
  return { duplicates, tx };
}
