// The hot ingest write, one transaction per flush, atomic, idempotent by (swarm, event id), through the shared pool.
// Optimistically, no key is stored yet: a small flush is one statement inserting its keys and events (no ON CONFLICT,
// no join), a large one COPYs its keys and its events (Postgres' bulk-load path). A key already stored fails that
// write with a unique violation, and the flush is redone claiming its keys with ON CONFLICT, which reports the
// duplicates: one statement for a small flush, the claim then COPY of the fresh events for a large one.
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import type pg from "pg";
import { from as copyFrom } from "pg-copy-streams";
import type { ValidEvent } from "./validate-batch";
import { copyField, copyJson } from "../db/copy-text";
import { isoUtc } from "../db/iso-utc";

/** A validated event with its final id (`keyed` is false when the server generated the id). */
export type StoredEvent = ValidEvent & { eventId: string };

/** One row to store (`ts`, `received_at`: epoch milliseconds; `keyed`: false when the server generated the id). */
export type EventRow = {
  swarm_id: number;
  event_id: string;
  type: string;
  ts: number;
  agent_id: string | null;
  task_id: string | null;
  received_at: number;
  body: Record<string, unknown>;
  keyed: boolean;
};

// The statements' input: $1 is statementJson()'s groups of rows, each row its body plus only the columns that differ
// from the body's own fields (usually none): the event JSON is sent and parsed once, not again beside its columns.
const INPUT_SQL = `
  SELECT (g->>'s')::int AS swarm_id, coalesce(e->>'i', e#>>'{b,id}') AS event_id, coalesce(e->>'y', e#>>'{b,type}') AS type,
    to_timestamp((CASE WHEN e ? 't' THEN e->>'t' ELSE e#>>'{b,timestamp}' END)::float8 / 1000) AS ts,
    CASE WHEN e ? 'a' THEN e->>'a' ELSE e#>>'{b,agent_id}' END AS agent_id,
    CASE WHEN e ? 'k' THEN e->>'k' ELSE e#>>'{b,task_id}' END AS task_id,
    to_timestamp((g->>'r')::float8 / 1000) AS received_at, e->'b' AS body, NOT e ? 'n' AS keyed
  FROM jsonb_array_elements($1::jsonb) g, jsonb_array_elements(g->'e') e`;

type StatementRow = { b: Record<string, unknown>; i?: string; y?: string; t?: number; a?: string | null; k?: string | null; n?: 1 };

/** Rows as INPUT_SQL reads them: runs of rows with the same swarm and receive time grouped, each row its body plus the
 * columns that differ from the body's fields (event id, type, epoch-ms timestamp, agent, task) and `n` when unkeyed. */
export function statementJson(rows: readonly EventRow[]): string {
  const groups: { s: number; r: number; e: StatementRow[] }[] = [];
  let group: (typeof groups)[number] | undefined;
  for (const row of rows) {
    if (group?.s !== row.swarm_id || group.r !== row.received_at) groups.push((group = { s: row.swarm_id, r: row.received_at, e: [] }));
    const b = row.body;
    const e: StatementRow = { b };
    if (b.id !== row.event_id) e.i = row.event_id;
    if (b.type !== row.type) e.y = row.type;
    if (b.timestamp !== row.ts) e.t = row.ts;
    if ((b.agent_id ?? null) !== row.agent_id) e.a = row.agent_id;
    if ((b.task_id ?? null) !== row.task_id) e.k = row.task_id;
    if (!row.keyed) e.n = 1;
    group.e.push(e);
  }
  return JSON.stringify(groups);
}

const INSERT_SQL = `
WITH input AS MATERIALIZED (${INPUT_SQL}
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

// The usual small flush, no key stored before: keys and events inserted with no ON CONFLICT and no join (a key stored
// before fails the statement with a unique violation, and the flush is redone with INSERT_SQL).
const FRESH_SQL = `
WITH input AS MATERIALIZED (${INPUT_SQL}
), keys AS (
  INSERT INTO event_keys (swarm_id, event_id) SELECT swarm_id, event_id FROM input WHERE keyed
), stored AS (
  INSERT INTO events (swarm_id, event_id, type, ts, agent_id, task_id, received_at, body)
  SELECT swarm_id, event_id, type, ts, agent_id, task_id, received_at, body FROM input
)
SELECT pg_current_xact_id()::text AS tx`;

// After a key conflict, the idempotency keys first, in the flush's transaction: ON CONFLICT leaves out keys already
// stored (waiting for a concurrent flush holding the same key to finish), so only fresh events are then COPYed.
// Only the duplicates come back (none, without the anti-join, when every key was fresh).
const KEYS_SQL = `
WITH input AS (
  SELECT * FROM unnest($1::int[], $2::text[]) AS t(swarm_id, event_id)
), fresh AS (
  INSERT INTO event_keys (swarm_id, event_id) SELECT swarm_id, event_id FROM input
  ON CONFLICT DO NOTHING
  RETURNING swarm_id, event_id
)
SELECT i.swarm_id, i.event_id FROM input i
WHERE (SELECT count(*) FROM fresh) < cardinality($2::text[])
  AND NOT EXISTS (SELECT 1 FROM fresh f WHERE f.swarm_id = i.swarm_id AND f.event_id = i.event_id)`;

// Opens a COPY flush's transaction and reads its id (every stored row's `tx`, so the engine owner can tell these
// rows apart) in one round trip: on a busy event loop each round trip waits its turn, so a flush is timed in them.
const BEGIN_SQL = "BEGIN; SELECT pg_current_xact_id()::text AS tx";

const COPY_SQL = "COPY events (swarm_id, event_id, type, ts, agent_id, task_id, received_at, body) FROM STDIN";

/** The key of an event in an insert's duplicates: its swarm and its id. */
export const eventKey = (swarmId: number, eventId: string): string => `${swarmId}:${eventId}`;

/** What one insert did: the eventKey()s that were already stored, the transaction id of the rows it stored, and
 * whether an optimistic write failed on a stored key before the keys were claimed. */
export type InsertOutcome = { duplicates: Set<string>; tx: string; conflicted: boolean };

/** How a flush is written: below `copyMinRows` rows as one statement, else COPYed; `optimistic` first tries the write
 * that assumes no key is stored yet (false: claim the keys at once, when duplicates are expected). */
export type InsertOptions = { copyMinRows?: number; optimistic?: boolean };

/** Flushes of at least this many rows are COPYed; smaller ones are one statement. The statement costs less CPU at
 * every size measured (one connection, 4,000-row flushes: Postgres 10.9 against 9.9 µs/row, app 1.5 against 4.7), but
 * Postgres parses its whole parameter at once, while COPY streams row by row: the largest flushes (5,000 events of up
 * to 16 KiB of metadata each) keep Postgres' memory bounded. Under bench:ingest's batch load 1 flush in ~550 is COPYed. */
export const COPY_MIN_ROWS = 2_000;

type OutcomeRow = { swarm_id: number | null; event_id: string | null; tx: string | null };

function outcomeOf(out: readonly OutcomeRow[], conflicted: boolean): InsertOutcome {
  const duplicates = new Set<string>();
  let tx = "0";
  for (const r of out) {
    if (r.tx !== null) tx = r.tx;
    else duplicates.add(eventKey(r.swarm_id!, r.event_id!));
  }
  return { duplicates, tx, conflicted };
}

function copyText(rows: readonly EventRow[]): string {
  let text = "";
  for (const r of rows) {
    text += `${r.swarm_id}\t${copyField(r.event_id)}\t${copyField(r.type)}\t${isoUtc(r.ts)}\t${copyField(r.agent_id)}\t${copyField(r.task_id)}\t${isoUtc(r.received_at)}\t${copyJson(r.body)}\n`;
  }
  return text;
}

const COPY_KEYS_SQL = "COPY event_keys (swarm_id, event_id) FROM STDIN";

async function copyIn(client: pg.PoolClient, sql: string, text: string): Promise<void> {
  await pipeline(Readable.from([Buffer.from(text)]), client.query(copyFrom(sql)));
}

/** The usual case, no key already stored: the keys and the events are both COPYed (Postgres' cheapest write). A key
 * stored before, or by a concurrent flush that commits first, fails the COPY with a unique violation. */
async function copyAllFresh(client: pg.PoolClient, rows: readonly EventRow[]): Promise<Set<string>> {
  let keys = "";
  for (const r of rows) if (r.keyed) keys += `${r.swarm_id}\t${copyField(r.event_id)}\n`;
  if (keys !== "") await copyIn(client, COPY_KEYS_SQL, keys);
  await copyIn(client, COPY_SQL, copyText(rows));
  return new Set();
}

/** After a key conflict: the keys are claimed with ON CONFLICT, which reports the duplicates, and only the fresh
 * events are COPYed. */
async function copyClaimed(client: pg.PoolClient, rows: readonly EventRow[]): Promise<Set<string>> {
  const keyed = rows.filter((r) => r.keyed);
  // Named: parsed and planned once per connection instead of on every flush.
  const { rows: out } = await client.query<{ swarm_id: number; event_id: string }>({
    name: "claim-event-keys",
    text: KEYS_SQL,
    values: [keyed.map((r) => r.swarm_id), keyed.map((r) => r.event_id)],
  });
  const duplicates = new Set(out.map((r) => eventKey(r.swarm_id, r.event_id)));
  const fresh = duplicates.size === 0 ? rows : rows.filter((r) => !r.keyed || !duplicates.has(eventKey(r.swarm_id, r.event_id)));
  if (fresh.length > 0) await copyIn(client, COPY_SQL, copyText(fresh));
  return duplicates;
}

const isKeyConflict = (err: unknown) => {
  const e = err as { code?: string; constraint?: string };
  return e.code === "23505" && e.constraint === "event_keys_pkey";
};

/** Runs `write` in a transaction on `client` and returns what it found duplicated with the transaction's id; a failed
 * rollback marks the connection broken for release. */
async function inTransaction(
  client: pg.PoolClient,
  write: () => Promise<Set<string>>,
  broken: { err?: Error },
): Promise<Omit<InsertOutcome, "conflicted">> {
  try {
    const opened = (await client.query(BEGIN_SQL)) as unknown as pg.QueryResult<{ tx: string }>[];
    const duplicates = await write();
    await client.query("COMMIT");
    return { duplicates, tx: opened[1]!.rows[0]!.tx };
  } catch (err) {
    await client.query("ROLLBACK").catch((e: Error) => (broken.err = e));
    throw err;
  }
}

/** Stores rows (no two with the same swarm and id) in one transaction: one statement below `copyMinRows` rows, else
 * keys and events COPYed; an optimistic write that meets a stored key is redone with the keys claimed (duplicates
 * reported). */
export async function insertEventRows(
  pool: pg.Pool,
  rows: EventRow[],
  { copyMinRows = COPY_MIN_ROWS, optimistic = true }: InsertOptions = {},
): Promise<InsertOutcome> {
  if (rows.length === 0) return { duplicates: new Set(), tx: "0", conflicted: false };
  let conflicted = false;
  if (rows.length < copyMinRows) {
    const json = statementJson(rows);
    if (optimistic) {
      try {
        const { rows: out } = await pool.query<{ tx: string }>({ name: "insert-fresh-events", text: FRESH_SQL, values: [json] });
        return { duplicates: new Set(), tx: out[0]!.tx, conflicted };
      } catch (err) {
        if (!isKeyConflict(err)) throw err;
        conflicted = true;
      }
    }
    const { rows: out } = await pool.query<OutcomeRow>({ name: "insert-events", text: INSERT_SQL, values: [json] });
    return outcomeOf(out, conflicted);
  }
  const client = await pool.connect();
  const broken: { err?: Error } = {};
  try {
    if (optimistic) {
      try {
        return { ...(await inTransaction(client, () => copyAllFresh(client, rows), broken)), conflicted };
      } catch (err) {
        if (!isKeyConflict(err) || broken.err) throw err;
        conflicted = true;
      }
    }
    return { ...(await inTransaction(client, () => copyClaimed(client, rows), broken)), conflicted };
  } finally {
    client.release(broken.err);
  }
}
