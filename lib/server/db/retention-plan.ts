// Which partitions of one period have expired: a pure decision from the period's bounds, its sub-partitions, the
// retention rule and `now` (./partitions.ts carries it out).
const DAY = 86_400_000;

/** Rows can still arrive this long after their timestamp (ingest accepts events up to 7 days old, plus a day). */
export const LATE_WINDOW_MS = 8 * DAY;

/** How long a table's rows are kept: the server's default and the swarms whose own number of days differs from it. */
export type RetentionRule = { defaultDays: number; swarmDays: ReadonlyMap<number, number> };

/** One period partition: its name, end (exclusive), whether it is LIST-partitioned by swarm, and its sub-partitions. */
export type PeriodPartition = { name: string; end: number; partitioned: boolean; leaves: readonly string[] };

/** The swarm a sub-partition `<period>_s<id>` is dedicated to, or null for any other name. */
export function dedicatedSwarm(period: string, leaf: string): number | null {
  const m = /_s(\d+)$/.exec(leaf);
  return m && leaf === `${period}_s${m[1]}` ? Number(m[1]) : null;
}

/** Days the shared rows of a period are kept: the default, or longer while a swarm with a longer retention of its
 * own has rows there (it had no dedicated sub-partition in this period): no swarm loses rows before its retention. */
export function sharedDays(rule: RetentionRule, dedicated: ReadonlySet<number>): number {
  let days = rule.defaultDays;
  for (const [swarm, d] of rule.swarmDays) if (!dedicated.has(swarm)) days = Math.max(days, d);
  return days;
}

/** The tables to drop for `p` at `now`: the whole period once nothing in it is kept, else its expired sub-partitions.
 * The shared `_default` sub-partition of a period that keeps others is dropped only once no late row can arrive
 * (a LIST-partitioned period without it would reject a late row of any swarm without a sub-partition). */
export function expiredPartitions(p: PeriodPartition, rule: RetentionRule, now: number): string[] {
  const expired = (days: number) => p.end <= now - days * DAY;
  const dedicated = p.leaves.flatMap((leaf) => {
    const swarm = dedicatedSwarm(p.name, leaf);
    return swarm === null ? [] : [{ leaf, swarm, expired: expired(rule.swarmDays.get(swarm) ?? rule.defaultDays) }];
  });
  const sharedLeaf = `${p.name}_default`;
  const hasShared = p.partitioned && p.leaves.includes(sharedLeaf);
  const sharedExpired = expired(sharedDays(rule, new Set(dedicated.map((d) => d.swarm))));
  if (!p.partitioned) return sharedExpired ? [p.name] : [];
  if ((sharedExpired || !hasShared) && dedicated.every((d) => d.expired)) return [p.name];
  const drops = dedicated.filter((d) => d.expired).map((d) => d.leaf);
  if (hasShared && sharedExpired && p.end <= now - LATE_WINDOW_MS) drops.push(sharedLeaf);
  return drops;
}
