// Partitions of `events` (by UTC day), of the rollups and of the healing history (by UTC month): created ahead of the
// writes, dropped once expired, and the idempotency keys pruned once no retry could still arrive (ingest accepts
// timestamps ≤ 7 days old).
// Each new period is LIST-partitioned by swarm: `<period>_s<id>` for every swarm whose retention differs from the
// server default, `<period>_default` for the others, so that a swarm's rows can be dropped on its own schedule.
import type pg from "pg";
import { type PeriodUnit, parsePeriodName, periodName, periodStart } from "./partition-periods";
import { expiredPartitions, LATE_WINDOW_MS, type PeriodPartition, type RetentionRule } from "./retention-plan";

const LOCK_KEY = 72_707_370;
/** Partition DDL waits at most this long for the parent's lock rather than queue the writes behind it. */
const LOCK_TIMEOUT = "2s";
/** Rows for the range already in the default partition (they stay there), created meanwhile, lock not granted. */
const SKIPPABLE = new Set(["23514", "42P07", "55P03"]);

/** The retention rules of raw events and of history (the rollups and the healing history). */
export type RetentionRules = { events: RetentionRule; history: RetentionRule };

/** A partitioned table: its period, which retention it follows, how many periods to create before/after now, and
 * what to run before dropping one of its partitions (in the same transaction). */
type PartitionedTable = {
  table: string;
  unit: PeriodUnit;
  retention: keyof RetentionRules;
  back: number;
  ahead: number;
  beforeDrop?: (partition: string) => string;
};

/** A history table, partitioned by month and kept for the history retention. */
const history = (table: string): PartitionedTable => ({ table, unit: "month", retention: "history", back: 1, ahead: 1 });

/** The tables partitioned by time. */
export const PARTITIONED_TABLES: readonly PartitionedTable[] = [
  { table: "events", unit: "day", retention: "events", back: 8, ahead: 3 },
  history("rollup_minute"),
  history("rollup_hour"),
  history("rollup_day"),
  history("bottlenecks"),
  history("predictions"),
  {
    ...history("failures"),
    // The dropped failures' source-event keys go with them (the key table is not partitioned).
    beforeDrop: (p) =>
      `DELETE FROM failure_sources k USING "${p}" f WHERE k.swarm_id = f.swarm_id AND k.source_event_id = f.source_event_id AND k.failure_id = f.id`,
  },
  history("healings"),
  history("commands"),
];

type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** The period partitions of `table` (by name) with their sub-partitions. */
async function periods(db: Queryable, t: PartitionedTable): Promise<Map<string, PeriodPartition>> {
  const { rows } = await db.query<{ name: string; parent: string; isleaf: boolean; level: number }>(
    "SELECT relid::regclass::text AS name, parentrelid::regclass::text AS parent, isleaf, level FROM pg_partition_tree($1::regclass) WHERE level > 0",
    [t.table],
  );
  const leaves = new Map<string, string[]>();
  for (const r of rows) if (r.level === 2) leaves.set(r.parent, [...(leaves.get(r.parent) ?? []), r.name]);
  const out = new Map<string, PeriodPartition>();
  for (const r of rows) {
    const start = r.level === 1 ? parsePeriodName(t.table, t.unit, r.name) : null;
    if (start !== null)
      out.set(r.name, { name: r.name, end: periodStart(t.unit, start, 1), partitioned: !r.isleaf, leaves: leaves.get(r.name) ?? [] });
  }
  return out;
}

/** Runs `statements` in one transaction; false when skipped for a reason the next upkeep resolves (see SKIPPABLE). */
async function ddl(pool: pg.Pool, statements: string[]): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    await client.query(`SET LOCAL lock_timeout = '${LOCK_TIMEOUT}'`);
    for (const s of statements) await client.query(s);
    await client.query("COMMIT");
    return true;
  } catch (e) {
    await client.query("ROLLBACK");
    if (SKIPPABLE.has((e as { code?: string }).code ?? "")) return false;
    throw e;
  } finally {
    client.release();
  }
}

const leaf = (period: string, swarm: number) => `CREATE TABLE "${period}_s${swarm}" PARTITION OF "${period}" FOR VALUES IN (${swarm})`;

/** Creates every partitioned table's periods around `now` (with a sub-partition per swarm on its own retention), and
 * adds missing swarm sub-partitions to periods that start after the current one; returns the tables created. */
export async function ensurePartitions(pool: pg.Pool, now: number, rules: RetentionRules): Promise<string[]> {
  const created: string[] = [];
  for (const t of PARTITIONED_TABLES) {
    const swarms = [...rules[t.retention].swarmDays.keys()].sort((a, b) => a - b);
    const existing = await periods(pool, t);
    for (let d = -t.back; d <= t.ahead; d++) {
      const from = periodStart(t.unit, now, d);
      const name = periodName(t.table, t.unit, from);
      const p = existing.get(name);
      if (!p) {
        const bounds = `FROM ('${new Date(from).toISOString()}') TO ('${new Date(periodStart(t.unit, from, 1)).toISOString()}')`;
        const statements = [
          `CREATE TABLE "${name}" PARTITION OF "${t.table}" FOR VALUES ${bounds} PARTITION BY LIST (swarm_id)`,
          `CREATE TABLE "${name}_default" PARTITION OF "${name}" DEFAULT`,
          ...swarms.map((s) => leaf(name, s)),
        ];
        if (await ddl(pool, statements)) created.push(name);
      } else if (d >= 1 && p.partitioned) {
        // Only future periods: adding a list value scans the shared sub-partition, empty there.
        for (const s of swarms)
          if (!p.leaves.includes(`${name}_s${s}`) && (await ddl(pool, [leaf(name, s)]))) created.push(`${name}_s${s}`);
      }
    }
  }
  return created;
}

/** Drops the partitions whose rows have all expired (see expiredPartitions) and prunes old idempotency keys; returns
 * the tables dropped. One instance at a time. */
export async function applyRetention(pool: pg.Pool, now: number, rules: RetentionRules): Promise<string[]> {
  const client = await pool.connect();
  try {
    const { rows: lock } = await client.query<{ ok: boolean }>("SELECT pg_try_advisory_lock($1) AS ok", [LOCK_KEY]);
    if (!lock[0]?.ok) return [];
    try {
      const dropped: string[] = [];
      for (const t of PARTITIONED_TABLES) {
        for (const p of (await periods(client, t)).values()) {
          for (const name of expiredPartitions(p, rules[t.retention], now)) {
            if (await ddl(pool, [...(t.beforeDrop ? [t.beforeDrop(name)] : []), `DROP TABLE "${name}"`])) dropped.push(name);
          }
        }
      }
      await client.query("DELETE FROM event_keys WHERE created_at < $1", [new Date(now - LATE_WINDOW_MS)]);
      return dropped;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]);
    }
  } finally {
    client.release();
  }
}
