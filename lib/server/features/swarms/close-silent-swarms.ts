// Storage closes the open items of a swarm that stopped sending events: with no data, no engine can finish or verify
// a healing or see a bottleneck clear (docs/decisions.md#d30), so they would stay open forever, whether an engine holds the swarm or
// not. Only swarms silent for NO_DATA_AFTER_MS are touched, and only items idle as long (a healing's commands'
// deadlines count as activity), far beyond the engine's own deadlines; a swarm still sending is the engine's alone.
// One instance sweeps at a time (transaction-scoped advisory lock; the others skip that round).
import type pg from "pg";
import type { BottleneckRecord, HealingRecord, IncidentRecord, PredictionRecord } from "@/lib/engine";
import { NO_DATA_AFTER_MS, noDataReason } from "../../../contract/items/swarm-status";
import { LAST_EVENT_AT_SQL } from "./last-event";
import { BOTTLENECK_RECORD_SQL, HEALING_RECORD_SQL, INCIDENT_RECORD_SQL, PREDICTION_RECORD_SQL } from "../../db/record-columns";

/** The `resolution` of a bottleneck storage resolved for lack of data. */
export const NO_DATA = "no data";

const LOCK_KEY = 72_707_370; // arbitrary, constant: "one silent-swarm sweep at a time"

/** What one round closed, per swarm name, as records to publish. */
export type NoDataClosed = {
  healings: { swarm: string; healing: HealingRecord }[];
  bottlenecks: { swarm: string; bottleneck: BottleneckRecord }[];
  proposals: { swarm: string; prediction: PredictionRecord }[];
  incidents: { swarm: string; incident: IncidentRecord }[];
};

/** Cancels the open healings and resolves the active bottlenecks of swarms silent for NO_DATA_AFTER_MS at `now`. */
export async function closeSilentSwarms(pool: pg.Pool, now: number): Promise<NoDataClosed> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const closed = await closeUnderLock(client, now);
    await client.query("COMMIT");
    return closed;
  } catch (e) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

/** The round itself, inside the caller's transaction; nothing when another instance holds the lock. */
async function closeUnderLock(client: pg.PoolClient, now: number): Promise<NoDataClosed> {
  const closed: NoDataClosed = { healings: [], bottlenecks: [], proposals: [], incidents: [] };
  const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_xact_lock($1) AS ok", [LOCK_KEY]);
  if (!lock[0]?.ok) return closed;
  const cutoff = new Date(now - NO_DATA_AFTER_MS);
  const { rows: quiet } = await client.query<{ id: number; name: string; since: Date }>(
    `SELECT q.id, q.name, q.since FROM (
       SELECT s.id, s.name, coalesce(${LAST_EVENT_AT_SQL}, s.created_at) AS since FROM swarms s
       WHERE EXISTS (SELECT 1 FROM bottlenecks b WHERE b.swarm_id = s.id AND b.status = 'active')
          OR EXISTS (SELECT 1 FROM healings h WHERE h.swarm_id = s.id AND h.status IN ('pending', 'running'))
          OR EXISTS (SELECT 1 FROM predictions p WHERE p.swarm_id = s.id AND p.status = 'open')
          OR EXISTS (SELECT 1 FROM incidents i WHERE i.swarm_id = s.id AND i.state <> 'resolved')
     ) q WHERE q.since < $1`,
    [cutoff],
  );
  for (const swarm of quiet) {
    const reason = noDataReason(now - swarm.since.getTime());
    const { rows: healings } = await client.query<HealingRecord>(
      `UPDATE healings h SET status = 'cancelled', finished_at = $3, reason = $4
       WHERE h.swarm_id = $1 AND h.status IN ('pending', 'running')
         AND greatest(h.started_at, h.decided_at, h.first_approved_at,
               (SELECT max(greatest(c.issued_at, coalesce(c.finished_at, c.deadline))) FROM commands c WHERE c.swarm_id = h.swarm_id AND c.healing_id = h.id)) < $2
       RETURNING ${HEALING_RECORD_SQL}`,
      [swarm.id, cutoff, new Date(now), reason],
    );
    const { rows: bottlenecks } = await client.query<BottleneckRecord & { resolution: string }>(
      `UPDATE bottlenecks b SET status = 'resolved', resolved_at = $3, updated_at = $3, resolution = $4
       WHERE b.swarm_id = $1 AND b.status = 'active' AND b.updated_at < $2
       RETURNING ${BOTTLENECK_RECORD_SQL}`,
      [swarm.id, cutoff, new Date(now), NO_DATA],
    );
    // A proposal cannot be acted on without data (its approval would heal blind): it expires; open incidents close.
    const { rows: proposals } = await client.query<PredictionRecord>(
      `UPDATE predictions p SET status = 'expired', decided_by = 'system', decided_at = $2, decision_reason = $3
       WHERE p.swarm_id = $1 AND p.status = 'open' RETURNING ${PREDICTION_RECORD_SQL}`,
      [swarm.id, new Date(now), reason],
    );
    const { rows: incidents } = await client.query<IncidentRecord>(
      `UPDATE incidents i SET state = 'resolved', reason = $3, resolved_at = $2, updated_at = $2
       WHERE i.swarm_id = $1 AND i.state <> 'resolved' AND i.updated_at < $4 RETURNING ${INCIDENT_RECORD_SQL}`,
      [swarm.id, new Date(now), reason, cutoff],
    );
    closed.proposals.push(...proposals.map((prediction) => ({ swarm: swarm.name, prediction })));
    closed.incidents.push(...incidents.map((incident) => ({ swarm: swarm.name, incident })));
    closed.healings.push(...healings.map((healing) => ({ swarm: swarm.name, healing })));
    closed.bottlenecks.push(...bottlenecks.map((bottleneck) => ({ swarm: swarm.name, bottleneck })));
  }
  return closed;
}
