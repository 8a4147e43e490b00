// Per-swarm event counts by received minute/hour/day, buffered in memory and upserted about once a second,
// so the hot path never contends on a rollup row.
import type pg from "pg";

type Key = string; // `${swarmId}|${minuteStartMs}`

/** Buffers event counts and flushes them into rollup_minute / rollup_hour / rollup_day. */
export class EventCountRollup {
  private pending = new Map<Key, number>();

  constructor(private pool: pg.Pool) {}

  /** Counts `n` events of a swarm received at `receivedAt` (ms). */
  add(swarmId: number, receivedAt: number, n: number): void {
    if (n <= 0) return;
    const key = `${swarmId}|${Math.floor(receivedAt / 60_000) * 60_000}`;
    this.pending.set(key, (this.pending.get(key) ?? 0) + n);
  }

  /** Writes the buffered counts (one statement per granularity); failed writes are kept for the next flush. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const rows = [...batch].map(([k, n]) => {
      const [swarm, minute] = k.split("|");
      return { swarm_id: Number(swarm), minute: new Date(Number(minute)).toISOString(), n };
    });
    const client = await this.pool.connect().catch((e: unknown) => {
      this.restore(batch);
      throw e;
    });
    try {
      await client.query("BEGIN");
      for (const [table, unit] of [["rollup_minute", "minute"], ["rollup_hour", "hour"], ["rollup_day", "day"]] as const) {
        await client.query(
          `INSERT INTO ${table} (swarm_id, bucket_start, events)
           SELECT swarm_id, date_trunc('${unit}', minute AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', sum(n)
           FROM jsonb_to_recordset($1::jsonb) AS t(swarm_id int, minute timestamptz, n int)
           GROUP BY 1, 2
           ON CONFLICT (swarm_id, bucket_start) DO UPDATE SET events = ${table}.events + excluded.events`,
          [JSON.stringify(rows)],
        );
      }
      await client.query("COMMIT");
    } catch (e) {
      await client.query("ROLLBACK").catch(() => undefined);
      this.restore(batch);
      throw e;
    } finally {
      client.release();
    }
  }

  private restore(batch: Map<Key, number>) {
    for (const [k, n] of batch) this.pending.set(k, (this.pending.get(k) ?? 0) + n);
  }
}

/** Total events stored for a swarm according to the day rollup. */
export async function storedEventTotal(pool: pg.Pool, swarmId: number): Promise<number> {
  const { rows } = await pool.query<{ n: string }>("SELECT coalesce(sum(events), 0) AS n FROM rollup_day WHERE swarm_id = $1", [swarmId]);
  return Number(rows[0]?.n ?? 0);
}
