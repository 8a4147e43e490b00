// When each swarm last sent an event, from storage (the same answer on every instance): the latest receipt among
// its newest stored events by timestamp, read backwards on the events key, so a busy swarm costs a few index rows.
// Taking the receipt time, not the event's own, keeps a swarm whose clock runs ahead or behind from looking
// silent or alive for longer than it is.
import type pg from "pg";

/** SQL expression: the time the swarm aliased `s` last sent an event, or null when it has none stored. */
export const LAST_EVENT_AT_SQL = `(SELECT max(r.received_at) FROM (SELECT e.received_at FROM events e WHERE e.swarm_id = s.id ORDER BY e.ts DESC LIMIT 64) r)`;

/** When each swarm last sent an event, by swarm name (null: none stored). */
export async function lastEventTimes(pool: pg.Pool): Promise<Map<string, Date | null>> {
  const { rows } = await pool.query<{ name: string; at: Date | null }>(`SELECT s.name, ${LAST_EVENT_AT_SQL} AS at FROM swarms s`);
  return new Map(rows.map((r) => [r.name, r.at]));
}
