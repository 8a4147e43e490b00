// The owner's reads of stored events: new rows after its cursor, only below the safe horizon (the oldest running
// transaction, pg_snapshot_xmin), and, at a takeover, the recent window the previous owner already processed.
import type pg from "pg";
import type { EngineEvent } from "../engine/types";
import type { Cursor } from "./feed-ledger";

/** A stored event at its position. */
export type PositionedEvent = Cursor & { event: EngineEvent };

/** One read: the rows to consider (those of the listed local transactions left out), the last position scanned,
 * and how many rows were scanned. */
export type ReadPage = { rows: PositionedEvent[]; last: Cursor | null; scanned: number };

type Row = { tx: string; seq: string; event_id: string | null; type: string | null; ts: number | null; agent_id: string | null; task_id: string | null; body: Record<string, unknown> | null; last: boolean; scanned: string | null };

const READ_SQL = `
WITH page AS MATERIALIZED (
  SELECT tx, seq, tx = ANY($4::text[]::xid8[]) AS local, event_id, type, ts, agent_id, task_id, body FROM events
  WHERE swarm_id = $1 AND (tx, seq) > ($2::text::xid8, $3::bigint) AND tx < pg_snapshot_xmin(pg_current_snapshot())
  ORDER BY tx, seq LIMIT $5
), tail AS (SELECT tx, seq FROM page ORDER BY tx DESC, seq DESC LIMIT 1)
SELECT tx::text, seq::text, event_id, type, (extract(epoch FROM ts) * 1000)::float8 AS ts, agent_id, task_id, body, false AS last, NULL AS scanned
FROM page WHERE NOT local
UNION ALL SELECT tx::text, seq::text, NULL, NULL, NULL, NULL, NULL, NULL, true, (SELECT count(*) FROM page)::text FROM tail`;

const toEvent = (r: Row): EngineEvent => ({ id: r.event_id!, type: r.type!, ts: r.ts!, agentId: r.agent_id ?? undefined, taskId: r.task_id ?? undefined, data: r.body! });
const position = (r: { tx: string; seq: string }): Cursor => ({ tx: BigInt(r.tx), seq: BigInt(r.seq) });

/** Reads up to `limit` committed rows of a swarm after `cursor`, in (tx, seq) order. */
export async function readAfter(pool: pg.Pool, swarmId: number, cursor: Cursor, localTxs: readonly bigint[], limit: number): Promise<ReadPage> {
  const { rows } = await pool.query<Row>({ name: "read-events-after", text: READ_SQL, values: [swarmId, cursor.tx.toString(), cursor.seq.toString(), localTxs.map(String), limit] });
  const tail = rows.find((r) => r.last);
  const page = rows.filter((r) => !r.last).map((r) => ({ ...position(r), event: toEvent(r) }));
  page.sort((a, b) => (a.tx === b.tx ? Number(a.seq - b.seq) : a.tx < b.tx ? -1 : 1));
  return { rows: page, last: tail ? position(tail) : null, scanned: tail ? Number(tail.scanned) : 0 };
}

/** Events of a swarm stored at or before `cursor` with timestamps from `sinceTs`, in event-time order (a takeover's warm-up). */
export async function readProcessedWindow(pool: pg.Pool, swarmId: number, cursor: Cursor, sinceTs: number, limit: number): Promise<EngineEvent[]> {
  const { rows } = await pool.query<Row>(
    `SELECT event_id, type, (extract(epoch FROM ts) * 1000)::float8 AS ts, agent_id, task_id, body FROM events
     WHERE swarm_id = $1 AND ts >= $2 AND (tx, seq) <= ($3::text::xid8, $4::bigint) ORDER BY ts, seq LIMIT $5`,
    [swarmId, new Date(sinceTs), cursor.tx.toString(), cursor.seq.toString(), limit],
  );
  return rows.map(toEvent);
}

/** When the oldest event of a swarm the owner has not read yet was received (null: it has read everything stored). */
export async function oldestUnread(pool: pg.Pool, swarmId: number, cursor: Cursor, localTxs: readonly bigint[]): Promise<number | null> {
  const { rows } = await pool.query<{ at: Date | null }>(
    "SELECT min(received_at) AS at FROM events WHERE swarm_id = $1 AND (tx, seq) > ($2::text::xid8, $3::bigint) AND tx <> ALL($4::text[]::xid8[])",
    [swarmId, cursor.tx.toString(), cursor.seq.toString(), localTxs.map(String)],
  );
  return rows[0]?.at ? rows[0].at.getTime() : null;
}
