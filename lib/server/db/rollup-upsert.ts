// The one statement that adds increments to the minute, hour and day rollups (atomic on its own, or one step of a
// caller's transaction). Increments may be negative (a stored row whose counted state changed). Buckets are written
// in (swarm, bucket) order, so two writers that share rows lock them in the same order.

/** The measures a rollup row carries (columns of rollup_minute / rollup_hour / rollup_day). */
export const ROLLUP_MEASURES = [
  "events",
  "failures",
  "healings",
  "healings_succeeded",
  "heal_ms_sum",
  "recovery_ms_sum",
  "recoveries",
  "predictions",
  "predictions_confirmed",
  "predictions_prevented",
  "predictions_false",
  "bottlenecks",
] as const;

/** One rollup measure. */
export type RollupMeasure = (typeof ROLLUP_MEASURES)[number];

/** Increments to apply to a bucket. */
export type RollupDelta = Partial<Record<RollupMeasure, number>>;

/** Increments of one swarm's rollups at time `at` (ms). */
export type RollupIncrement = { swarmId: number; at: number; delta: RollupDelta };

const COLUMNS = ROLLUP_MEASURES.map((m) => `${m} bigint`).join(", ");
const SUMS = ROLLUP_MEASURES.map((m) => `coalesce(sum(${m}), 0)`).join(", ");

const upsert = (table: string, unit: string) =>
  `INSERT INTO ${table} (swarm_id, bucket_start, ${ROLLUP_MEASURES.join(", ")})
   SELECT swarm_id, date_trunc('${unit}', at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC', ${SUMS} FROM inc GROUP BY 1, 2 ORDER BY 1, 2
   ON CONFLICT (swarm_id, bucket_start) DO UPDATE SET ${ROLLUP_MEASURES.map((m) => `${m} = ${table}.${m} + excluded.${m}`).join(", ")}`;

const STATEMENT = `WITH inc AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS t(swarm_id int, at timestamptz, ${COLUMNS})),
  minute AS (${upsert("rollup_minute", "minute")}),
  hour AS (${upsert("rollup_hour", "hour")})
  ${upsert("rollup_day", "day")}`;

/** The statement and its parameter that add `increments` to all three granularities; null when nothing is to add. */
export function rollupUpsert(increments: readonly RollupIncrement[]): { text: string; values: [string] } | null {
  const rows = increments
    .filter((i) => Object.values(i.delta).some((v) => v))
    .map((i) => ({ swarm_id: i.swarmId, at: new Date(i.at).toISOString(), ...i.delta }));
  return rows.length === 0 ? null : { text: STATEMENT, values: [JSON.stringify(rows)] };
}
