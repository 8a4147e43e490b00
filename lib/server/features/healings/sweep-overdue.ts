// Storage-side safety net for what the in-memory engine no longer tracks (e.g. after a restart, or a swarm that
// stopped sending): commands past their deadline become timed_out and their running healings fail with that reason;
// open proposals past their expected time become expired (docs/decisions.md#d23: recorded, never silently dropped); the open healings
// and active bottlenecks of a swarm silent for long are closed as "no data" (close-silent-swarms.ts). A grace period
// leaves live cases to the engine. What it closes is published to the swarm's room, so open pages update.
import type pg from "pg";
import { timeOutOverdueCommands } from "../../commands/command-store";
import type { HealingRecord, PredictionRecord } from "@/lib/engine";
import type { Publisher } from "../items/publisher";
import { closeSilentSwarms } from "../swarms/close-silent-swarms";
import { HEALING_RECORD_SQL, PREDICTION_RECORD_SQL } from "../../db/record-columns";
import type { RollupBuffer } from "../../db/rollup-buffer";

/** Grace after a deadline before storage steps in for the engine. */
export const SWEEP_GRACE_MS = 5_000;

/** What one sweep changed (`no_data`: closed because their swarm stopped sending events). */
export type SweepResult = {
  commands: number;
  healings: { id: string; swarm: string }[];
  proposals: number;
  no_data: { healings: { id: string; swarm: string }[]; bottlenecks: number; proposals: number; incidents: number };
};

type Named<T> = T & { swarm: string; swarm_id: number };

/** Times out overdue commands, fails their healings, expires overdue proposals, closes silent swarms' open items,
 * and publishes every change when a publisher is given. */
export async function sweepOverdue(pool: pg.Pool, rollups: RollupBuffer, now: number, publish?: Publisher): Promise<SweepResult> {
  const cutoff = new Date(now - SWEEP_GRACE_MS);
  const commands = await timeOutOverdueCommands(pool, cutoff.getTime(), now);
  const healingIds = [...new Set(commands.filter((id): id is string => id !== null))];
  const { rows: healings } = healingIds.length
    ? await pool.query<Named<HealingRecord>>(
        `UPDATE healings h SET status = 'failed', finished_at = $2, reason = 'command timed out: no coordinator reported a result before its deadline'
         FROM swarms s WHERE s.id = h.swarm_id AND h.id = ANY($1::uuid[]) AND h.status IN ('pending', 'running')
         RETURNING ${HEALING_RECORD_SQL}, h.swarm_id, s.name AS swarm`,
        [healingIds, new Date(now)],
      )
    : { rows: [] };
  for (const h of healings) rollups.add(h.swarm_id, now, { healings: 1 });
  const { rows: proposals } = await pool.query<Named<PredictionRecord>>(
    `UPDATE predictions p SET status = 'expired', decided_by = 'system', decided_at = expected_at FROM swarms s
     WHERE s.id = p.swarm_id AND p.status = 'open' AND p.expected_at < $1 RETURNING ${PREDICTION_RECORD_SQL}, p.swarm_id, s.name AS swarm`,
    [cutoff],
  );
  const silent = await closeSilentSwarms(pool, now);
  if (publish) {
    for (const { swarm, swarm_id: _, ...healing } of healings) publish("healing.finished", { swarm, healing });
    for (const { swarm, swarm_id: _, ...prediction } of proposals) publish("prediction.updated", { swarm, prediction });
    for (const { swarm, healing } of silent.healings) publish("healing.finished", { swarm, healing });
    for (const { swarm, bottleneck } of silent.bottlenecks) publish("bottleneck.resolved", { swarm, bottleneck });
    for (const { swarm, prediction } of silent.proposals) publish("prediction.updated", { swarm, prediction });
    for (const { swarm, incident } of silent.incidents) publish("incident.updated", { swarm, incident });
  }
  return {
    commands: commands.length,
    healings: healings.map((h) => ({ id: h.id, swarm: h.swarm })),
    proposals: proposals.length,
    no_data: {
      healings: silent.healings.map(({ swarm, healing }) => ({ id: healing.id, swarm })),
      bottlenecks: silent.bottlenecks.length,
      proposals: silent.proposals.length,
      incidents: silent.incidents.length,
    },
  };
}
