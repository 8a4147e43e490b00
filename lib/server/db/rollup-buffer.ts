// Rollup increments of the hot paths that are not engine outputs (ingested event counts, storage sweeps), buffered
// in memory and upserted about once a second in one statement, so the ingest path never contends on a rollup row.
// Engine outputs count in their own transaction instead (engine-sink), so the healing charts never lose a count.
import type pg from "pg";
import { type RollupDelta, type RollupMeasure, rollupUpsert } from "./rollup-upsert";

type Key = string; // `${swarmId}|${minuteStartMs}`

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

  /** Writes the buffered increments (all three granularities in one statement); on failure they are kept for the next flush. */
  async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const batch = this.pending;
    this.pending = new Map();
    const statement = rollupUpsert(
      [...batch].map(([k, delta]) => {
        const [swarm, minute] = k.split("|");
        return { swarmId: Number(swarm), at: Number(minute), delta };
      }),
    );
    try {
      if (statement) await this.pool.query(statement.text, statement.values);
    } catch (e) {
      for (const [k, delta] of batch) {
        const [swarm, minute] = k.split("|");
        this.add(Number(swarm), Number(minute), delta);
      }
      throw e;
    }
  }
}
