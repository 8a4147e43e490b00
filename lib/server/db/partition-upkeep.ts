// Partition upkeep under the current retention rules (server defaults + swarms' own): at boot, hourly, and when a
// swarm's retention changes.
import type pg from "pg";
import { applyRetention, ensurePartitions } from "./partitions";
import type { Db } from "./prisma";
import { loadRetentionRules } from "../features/settings/retention-rules";

/** What the upkeep needs: the raw pool for DDL and Prisma for the swarms' settings. */
export type UpkeepDeps = { pool: pg.Pool; db: Db };

/** Creates the partitions around `now`, with sub-partitions for the swarms on their own retention; returns them. */
export async function preparePartitions(deps: UpkeepDeps, now: number): Promise<string[]> {
  return ensurePartitions(deps.pool, now, await loadRetentionRules(deps.db));
}

/** Creates the partitions ahead, then drops the expired ones; returns both lists. */
export async function upkeepPartitions(deps: UpkeepDeps, now: number): Promise<{ created: string[]; dropped: string[] }> {
  const rules = await loadRetentionRules(deps.db);
  const created = await ensurePartitions(deps.pool, now, rules);
  return { created, dropped: await applyRetention(deps.pool, now, rules) };
}
