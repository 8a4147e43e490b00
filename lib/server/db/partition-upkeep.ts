// Partition upkeep under the current retention rules (server defaults + swarms' own): at boot, hourly, and when a
// swarm's retention changes. The rules come from whoever owns the settings (features/settings), passed in.
import type pg from "pg";
import { applyRetention, ensurePartitions, type RetentionRules } from "./partitions";

/** What the upkeep needs: the raw pool for DDL, and a reader of the retention rules in force. */
export type UpkeepDeps = { pool: pg.Pool; rules: () => Promise<RetentionRules> };

/** Creates the partitions around `now`, with sub-partitions for the swarms on their own retention; returns them. */
export async function preparePartitions(deps: UpkeepDeps, now: number): Promise<string[]> {
  return ensurePartitions(deps.pool, now, await deps.rules());
}

/** Creates the partitions ahead, then drops the expired ones; returns both lists. */
export async function upkeepPartitions(deps: UpkeepDeps, now: number): Promise<{ created: string[]; dropped: string[] }> {
  const rules = await deps.rules();
  const created = await ensurePartitions(deps.pool, now, rules);
  return { created, dropped: await applyRetention(deps.pool, now, rules) };
}
