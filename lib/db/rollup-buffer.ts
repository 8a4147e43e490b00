// Minute/hour/day rollups of a swarm's activity (events, failures, healings, MTTR sums, prediction outcomes,
// bottlenecks), buffered in memory and upserted about once a second in one transaction, so hot paths never
// contend on a rollup row and analytics over 30 days read a few hundred indexed rows (D27).
import type pg from "pg";

/** The measures a rollup row carries (columns of rollup_minute / rollup_hour / rollup_day). */
export const ROLLUP_MEASURES = [
  "events", "failures", "healings", "healings_succeeded", "heal_ms_sum", "recovery_ms_sum", "recoveries",
  "predictions", "predictions_confirmed", "predictions_prevented", "predictions_false", "bottlenecks",
] as const;

/** One rollup measure. */
export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

/** Increments to apply to a bucket. */
export type RollupDelta = Partial<Record<RollupMeasure, number>>;

type Key = string; // `${swarmId}|${minuteStartMs}`

const COLUMNS = ROLLUP_MEASURES.map((m) => `${m} bigint`).join(", ");

/** Buffers rollup increments and flushes them into the minute, hour and day tables. */
export class RollupBuffer {
  private pending = new Map<Key, RollupDelta>();

  constructor(private pool: pg.Pool) {}

  /** Adds increments for a swarm at time `at` (ms). */
  add(swarmId: number, at: number, delta: RollupDelta): void {
    const key = `${swarmId}|${Math.floor(at / 60_000) * 60_000}`;
    const row = this.pending.get(key) ?? {};
    for (const [m, v] of Object.entries(delta) as [RollupMeasure, number][]) if (v) row[m] = (row[m] ?? 0) + v;
    this.pending.set(key, row);
  }

  /** Writes the buffered increments (all three granularities in one transaction); on failure they are kept for the next flush. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch].map(([k, delta]) => {
      const [swarm, minute] = k.split("|");
      return { swarm_id: Number(swarm), minute: new Date(Number(minute)).toISOString(), ...delta };
    });
    let client: pg.PoolClient | undefined;
    try {
      client = await this.pool.connect();
      await client.query("BEGIN");
      for (const [table, unit] of [["rollup_minute", "minute"], ["rollup_hour", "hour"], ["rollup_day", "day"]] as const) {
        await client.query(
          `INSERT INTO ${table} (swarm_id, bucket_start, ${ROLLUP_MEASURES.join(", ")})
           SELECT swarm_id, date_trunc('${unit}', minute AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', ${ROLLUP_MEASURES.map((m) => `coalesce(sum(${m}), 0)`).join(", ")}
           FROM jsonb_to_recordset($1::jsonb) AS t(swarm_id int, minute timestamptz, ${COLUMNS})
           GROUP BY 1, 2
           ON CONFLICT (swarm_id, bucket_start) DO UPDATE SET ${ROLLUP_MEASURES.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(", ")}`,
          [JSON.stringify(rows)],
        );
      }
      await client.query("COMMIT");
    } catch (e) {
      await client?.query("ROLLBACK").catch(() => undefined);
      for (const [k, delta] of batch) {
        const [swarm, minute] = k.split("|");
        this.add(Number(swarm), Number(minute), delta);
      }
      throw e;
    } finally {
      client?.release();
    }
  }
}
