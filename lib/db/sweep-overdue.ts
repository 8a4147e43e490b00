// Storage-side safety net for what the in-memory engine no longer tracks (e.g. after a restart): commands past
// their deadline become timed_out and their running healings fail with that reason; open proposals past their
// expected time become expired (D23: recorded, never silently dropped). A grace period leaves live cases to the engine.
import type pg from "pg";
import type { RollupBuffer } from "./rollup-buffer";

/** Grace after a deadline before storage steps in for the engine. */
export const SWEEP_GRACE_MS = 5_000;

/** What one sweep changed. */
export type SweepResult = { commands: number; healings: { id: string; swarm: string }[]; proposals: number };

/** Times out overdue commands, fails their healings, expires overdue proposals. */
export async function sweepOverdue(pool: pg.Pool, rollups: RollupBuffer, now: number): Promise<SweepResult> {
  const cutoff = new Date(now - SWEEP_GRACE_MS);
  const { rows: commands } = await pool.query<{ healing_id: string | null }>(
    `UPDATE commands SET status = 'timed_out', finished_at = $2, detail = coalesce(detail, 'no result before the deadline')
     WHERE status IN ('pending', 'dispatched', 'acknowledged') AND deadline < $1 RETURNING healing_id`,
    [cutoff, new Date(now)],
  );
  const healingIds = [...new Set(commands.map((c) => c.healing_id).filter((id): id is string => id !== null))];
  const { rows: healings } = healingIds.length
    ? await pool.query<{ id: string; swarm_id: number; name: string }>(
        `UPDATE healings h SET status = 'failed', finished_at = $2, reason = 'command timed out: no coordinator reported a result before its deadline'
         FROM swarms s WHERE s.id = h.swarm_id AND h.id = ANY($1::uuid[]) AND h.status IN ('pending', 'running') RETURNING h.id, h.swarm_id, s.name`,
        [healingIds, new Date(now)],
      )
    : { rows: [] };
  for (const h of healings) rollups.add(h.swarm_id, now, { healings: 1 });
  const proposals = await pool.query(
    `UPDATE predictions SET status = 'expired', decided_by = 'system', decided_at = expected_at WHERE status = 'open' AND expected_at < $1`,
    [cutoff],
  );
  return { commands: commands.length, healings: healings.map((h) => ({ id: h.id, swarm: h.name })), proposals: proposals.rowCount ?? 0 };
}
