// The owner's reads of stored events: new rows after its cursor, only below the safe horizon (the oldest running
// transaction, pg_snapshot_xmin), and, at a takeover, the recent window the previous owner already processed.
import type pg from "pg";
import type { EngineEvent } from "@/lib/engine";
import { type Cursor, isAfter } from "./feed-ledger";

/** A stored event at its position. */
export type PositionedEvent = Cursor & { event: EngineEvent };

/** One read: the rows to feed (none of the listed local transactions), the position everything up to which has been
 * read, and how many rows were read (fewer than asked: caught up with the safe horizon). */
export type ReadPage = { rows: PositionedEvent[]; last: Cursor | null; scanned: number };

type Row = {
  tx: string;
  seq: string;
  event_id: string;
  type: string;
  ts: number;
  agent_id: string | null;
  task_id: string | null;
  body: Record<string, unknown>;
  horizon: string | null;
};

const MAX_SEQ = 9_223_372_036_854_775_807n;
const MAX_XID8 = "18446744073709551615";

// The local transactions' rows are already fed from memory: only the gaps between them are scanned (one index range
// each), so the owner never walks its own rows again. One extra row carries the horizon when the page is not full.
const READ_SQL = `
WITH horizon AS (SELECT pg_snapshot_xmin(pg_current_snapshot()) AS x),
page AS MATERIALIZED (
  SELECT e.* FROM unnest($2::text[]::xid8[], $3::bigint[], $4::text[]::xid8[]) AS g(lo_tx, lo_seq, hi_tx), horizon h,
  LATERAL (
    SELECT tx, seq, event_id, type, ts, agent_id, task_id, body FROM events
    WHERE swarm_id = $1 AND (tx, seq) > (g.lo_tx, g.lo_seq) AND tx < g.hi_tx AND tx < h.x
    ORDER BY tx, seq LIMIT $5
  ) e
  ORDER BY e.tx, e.seq LIMIT $5
)
SELECT tx::text, seq::text, event_id, type, (extract(epoch FROM ts) * 1000)::float8 AS ts, agent_id, task_id, body, NULL AS horizon FROM page
UNION ALL SELECT NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, x::text FROM horizon WHERE (SELECT count(*) FROM page) < $5`;

const toEvent = (r: Omit<Row, "tx" | "seq" | "horizon">): EngineEvent => ({
  id: r.event_id,
  type: r.type,
  ts: r.ts,
  agentId: r.agent_id ?? undefined,
  taskId: r.task_id ?? undefined,
  data: r.body,
});
const position = (r: { tx: string; seq: string }): Cursor => ({ tx: BigInt(r.tx), seq: BigInt(r.seq) });

/** The ranges after `cursor` that hold no local transaction: [lo, hi) in (tx, seq) order, the last one open. */
export function gapsAfter(cursor: Cursor, localTxs: readonly bigint[]): { loTx: bigint; loSeq: bigint; hiTx: string }[] {
  const gaps: { loTx: bigint; loSeq: bigint; hiTx: string }[] = [];
  let lo = cursor;
  for (const tx of [...localTxs].filter((t) => t >= cursor.tx).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    if (tx > lo.tx) gaps.push({ loTx: lo.tx, loSeq: lo.seq, hiTx: tx.toString() });
    lo = { tx, seq: MAX_SEQ };
  }
  gaps.push({ loTx: lo.tx, loSeq: lo.seq, hiTx: MAX_XID8 });
  return gaps;
}

/** Reads up to `limit` committed rows of a swarm after `cursor`, in (tx, seq) order, stepping over the local
 * transactions' rows. When fewer come back, every transaction below the horizon has been read or is local, so
 * `last` moves up to the horizon. */
export async function readAfter(
  pool: pg.Pool,
  swarmId: number,
  cursor: Cursor,
  localTxs: readonly bigint[],
  limit: number,
): Promise<ReadPage> {
  const gaps = gapsAfter(cursor, localTxs);
  const { rows } = await pool.query<Row>({
    name: "read-events-after",
    text: READ_SQL,
    values: [swarmId, gaps.map((g) => g.loTx.toString()), gaps.map((g) => g.loSeq.toString()), gaps.map((g) => g.hiTx), limit],
  });
  const horizon = rows.find((r) => r.horizon !== null)?.horizon;
  const page = rows.filter((r) => r.horizon === null).map((r) => ({ ...position(r), event: toEvent(r) }));
  page.sort((a, b) => (a.tx === b.tx ? Number(a.seq - b.seq) : a.tx < b.tx ? -1 : 1));
  const tail = page.at(-1) ?? null;
  const caughtUp = horizon ? { tx: BigInt(horizon) - 1n, seq: MAX_SEQ } : null;
  const last = caughtUp && (!tail || isAfter(caughtUp, tail)) ? caughtUp : tail && { tx: tail.tx, seq: tail.seq };
  return { rows: page, last, scanned: page.length };
}

/** Events of a swarm stored at or before `cursor` with timestamps from `sinceTs`, in event-time order (a takeover's warm-up). */
export async function readProcessedWindow(
  pool: pg.Pool,
  swarmId: number,
  cursor: Cursor,
  sinceTs: number,
  limit: number,
): Promise<EngineEvent[]> {
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
