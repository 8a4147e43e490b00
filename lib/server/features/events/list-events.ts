// Reading stored events back (docs/contract.md#read-and-act): newest first, as sent plus received_at, time-bounded,
// keyset-paginated by (ts, seq) so every page is an index range scan on the owning swarm's partitions.
import type pg from "pg";
import { z } from "zod";
import { decodeCursor, pageQuery, timeWindow, toPage } from "../../http/cursor";
import { ApiError } from "../../http/errors";
import type { SwarmRef } from "../../http/route";

/** Query of GET /api/v1/swarms/{swarm}/events. */
export const listEventsQuery = pageQuery.extend({
  type: z.string().max(64).optional(),
  agent_id: z.string().max(128).optional(),
  task_id: z.string().max(128).optional(),
});

/** Query of GET /api/v1/swarms/{swarm}/events/count. */
export const countEventsQuery = listEventsQuery.pick({ from: true, to: true, type: true });

type Row = { ts: Date; seq: string; received_at: Date; body: Record<string, unknown> };

/** One page of a swarm's events, newest first. */
export async function listEvents(pool: pg.Pool, swarmId: number, q: z.output<typeof listEventsQuery>, now: number) {
  const { from, to } = timeWindow(q, now);
  const where = ["swarm_id = $1", "ts >= $2", "ts <= $3"];
  const params: unknown[] = [swarmId, from, to];
  const add = (sql: string, v: unknown) => {
    params.push(v);
    where.push(sql.replace("?", `$${params.length}`));
  };
  if (q.type) add("type = ?", q.type);
  if (q.agent_id) add("agent_id = ?", q.agent_id);
  if (q.task_id) add("task_id = ?", q.task_id);
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    if (!/^\d+$/.test(c.key)) throw new ApiError(400, "invalid_cursor", "The cursor is not valid.");
    params.push(c.t, c.key);
    where.push(`(ts, seq) < ($${params.length - 1}, $${params.length})`);
  }
  params.push(q.limit + 1);
  const { rows } = await pool.query<Row>(
    `SELECT ts, seq, received_at, body FROM events WHERE ${where.join(" AND ")} ORDER BY ts DESC, seq DESC LIMIT $${params.length}`,
    params,
  );
  const { page, next_cursor } = toPage(rows, q.limit, (r) => ({ t: r.ts, key: r.seq }));
  return { items: page.map((r) => ({ ...r.body, received_at: r.received_at.toISOString() })), next_cursor };
}

/** Exact number of a swarm's events in the window (optionally of one type). */
export async function countEvents(
  pool: pg.Pool,
  swarmId: number,
  q: z.output<typeof countEventsQuery>,
  now: number,
): Promise<{ count: number }> {
  const { from, to } = timeWindow(q, now);
  const { rows } = await pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM events WHERE swarm_id = $1 AND ts >= $2 AND ts <= $3 ${q.type ? "AND type = $4" : ""}`,
    q.type ? [swarmId, from, to, q.type] : [swarmId, from, to],
  );
  return { count: Number(rows[0]!.n) };
}

/** A swarm's stored events for the API routes. */
export class EventLog {
  constructor(private readonly deps: { pool: pg.Pool }) {}

  /** See listEvents. */
  list(swarm: SwarmRef, q: z.output<typeof listEventsQuery>, now: number) {
    return listEvents(this.deps.pool, swarm.id, q, now);
  }

  /** See countEvents. */
  count(swarm: SwarmRef, q: z.output<typeof countEventsQuery>, now: number) {
    return countEvents(this.deps.pool, swarm.id, q, now);
  }
}
