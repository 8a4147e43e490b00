// Analytics of one swarm for the API (docs/contract.md#read-and-act): read from rollups and indexed tables (docs/decisions.md#d27), computed with
// the engine's pure analytics functions so live and historical figures agree.
import type pg from "pg";
import { z } from "zod";
import { instantParam } from "../../http/cursor";
import { ApiError } from "../../http/errors";
import type { SwarmRef } from "../../http/route";
import {
  healthScore,
  BUCKET_MS,
  type BucketSize,
  MAX_SERIES_BUCKETS,
  mttrSeries,
  overallStatsFromRollups,
  strategyEffectiveness,
  type AnalyticsHealingRecord as HealingRecord,
  type HealingRollup,
  PREDICTABLE_FAILURE_TYPES,
} from "@/lib/engine";
import { storedSettings } from "../settings/settings-store";
import type { AnalyticsOverview, MttrPoint, PredictionQuality, StrategyEffectiveness } from "../../../contract/items/analytics";

const RANGES = { "15m": 15 * 60_000, "1h": 3_600_000, "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000 } as const;

/** Query of analytics/overview. */
export const overviewQuery = z.object({ range: z.enum(Object.keys(RANGES) as [keyof typeof RANGES]).default("24h") });

/** Query of analytics/mttr. */
export const mttrQuery = z.object({
  from: instantParam.optional(),
  to: instantParam.optional(),
  bucket: z.enum(["minute", "hour", "day"]).default("hour"),
});

/** Query of analytics/strategies. */
export const strategiesQuery = z.object({ range: z.enum(Object.keys(RANGES) as [keyof typeof RANGES]).default("30d") });

/** The finest rollup that keeps a range to a few thousand rows. */
function tableFor(spanMs: number): "rollup_minute" | "rollup_hour" | "rollup_day" {
  return spanMs <= 2 * 86_400_000 ? "rollup_minute" : spanMs <= 60 * 86_400_000 ? "rollup_hour" : "rollup_day";
}

type RollupRow = HealingRollup & { events: number; predictions: number };

async function rollups(pool: pg.Pool, swarmId: number, table: string, from: number, to: number): Promise<RollupRow[]> {
  const { rows } = await pool.query<{ b: Date; h: number; hs: number; hm: string; rm: string; r: number; f: number; e: number; p: number }>(
    `SELECT bucket_start AS b, healings AS h, healings_succeeded AS hs, heal_ms_sum AS hm, recovery_ms_sum AS rm, recoveries AS r, failures AS f, events AS e, predictions AS p
     FROM ${table} WHERE swarm_id = $1 AND bucket_start >= $2 AND bucket_start < $3 ORDER BY bucket_start`,
    [swarmId, new Date(from), new Date(to)],
  );
  return rows.map((r) => ({
    bucketStart: r.b.getTime(),
    healings: r.h,
    healingsSucceeded: r.hs,
    healMsSum: Number(r.hm),
    recoveryMsSum: Number(r.rm),
    recoveries: r.r,
    failures: r.f,
    events: r.e,
    predictions: r.p,
  }));
}

async function healingRecords(pool: pg.Pool, swarmId: number, from: number, to: number): Promise<HealingRecord[]> {
  const { rows } = await pool.query<{
    id: string;
    failure_type: string;
    strategy: string;
    status: HealingRecord["status"];
    trigger: HealingRecord["trigger"];
    heal_ms: number | null;
    recovery_ms: number | null;
    started_at: Date;
    finished_at: Date | null;
  }>(
    `SELECT id, failure_type, strategy, status, trigger, heal_ms, recovery_ms, started_at, finished_at FROM healings
     WHERE swarm_id = $1 AND started_at >= $2 AND started_at < $3 ORDER BY started_at DESC LIMIT 10000`,
    [swarmId, new Date(from), new Date(to)],
  );
  return rows.reverse().map((r) => ({
    id: r.id,
    failureType: r.failure_type,
    strategy: r.strategy,
    status: r.status,
    trigger: r.trigger,
    healMs: r.heal_ms,
    recoveryMs: r.recovery_ms,
    startedAt: r.started_at.getTime(),
    finishedAt: r.finished_at?.getTime() ?? null,
  }));
}

/** Per-strategy effectiveness over a range (newest 10,000 healings at most). */
export async function strategies(
  pool: pg.Pool,
  swarmId: number,
  range: keyof typeof RANGES,
  now: number,
): Promise<StrategyEffectiveness[]> {
  return strategyEffectiveness(await healingRecords(pool, swarmId, now - RANGES[range], now + 1));
}

/** MTTR, healings, failures and success rate per bucket; buckets without data have `mttr_ms: null`. */
export async function mttr(pool: pg.Pool, swarmId: number, q: z.output<typeof mttrQuery>, now: number): Promise<MttrPoint[]> {
  const size: BucketSize = q.bucket;
  const to = q.to ?? now;
  const from = q.from ?? to - (size === "minute" ? RANGES["1h"] : size === "hour" ? RANGES["24h"] : RANGES["30d"]);
  if (from > to) throw new ApiError(400, "invalid_range", "`from` must not be after `to`.");
  if ((to - from) / BUCKET_MS[size] > MAX_SERIES_BUCKETS)
    throw new ApiError(400, "range_too_long", `At most ${MAX_SERIES_BUCKETS} buckets; use a larger bucket.`);
  const rows = await rollups(pool, swarmId, `rollup_${size}`, Math.floor(from / BUCKET_MS[size]) * BUCKET_MS[size], to + 1);
  return mttrSeries(rows, { from, to, bucket: size }).map((p) => ({ ...p, bucket_start: new Date(p.bucket_start).toISOString() }));
}

/** Prediction quality over a range, from the outcomes recorded automatically (docs/decisions.md#d15), with the engine's definitions
 * (lib/engine/prediction/outcome-stats): accuracy = (confirmed + prevented) / settled; precision = confirmed /
 * (confirmed + false positives + rejected); recall = confirmed / detected failures of the kinds the engine predicts
 * (PREDICTABLE_FAILURE_TYPES: routine task failures would drown it); FPR = (false positives + rejected) / settled. */
async function predictionQuality(pool: pg.Pool, swarmId: number, from: number, to: number): Promise<PredictionQuality> {
  const { rows } = await pool.query<{
    total: string;
    confirmed: string;
    predictable_confirmed: string;
    prevented: string;
    fp: string;
    rejected: string;
    lead: number | null;
    failures: string;
  }>(
    `SELECT count(*) AS total,
            count(*) FILTER (WHERE outcome = 'confirmed') AS confirmed,
            count(*) FILTER (WHERE outcome = 'confirmed' AND failure_type = ANY($4::text[])) AS predictable_confirmed,
            (SELECT count(*) FROM failures WHERE swarm_id = $1 AND detected_at >= $2 AND detected_at < $3 AND failure_type = ANY($4::text[])) AS failures,
            count(*) FILTER (WHERE outcome = 'prevented') AS prevented,
            count(*) FILTER (WHERE outcome = 'false_positive') AS fp,
            count(*) FILTER (WHERE outcome = 'rejected') AS rejected,
            percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM expected_at - predicted_at) * 1000) FILTER (WHERE outcome IN ('confirmed', 'prevented')) AS lead
     FROM predictions WHERE swarm_id = $1 AND predicted_at >= $2 AND predicted_at < $3`,
    [swarmId, new Date(from), new Date(to), PREDICTABLE_FAILURE_TYPES],
  );
  const r = rows[0]!;
  const [confirmed, prevented, fp, rejected] = [Number(r.confirmed), Number(r.prevented), Number(r.fp), Number(r.rejected)];
  const settled = confirmed + prevented + fp + rejected;
  const rate = (n: number, d: number) => (d > 0 ? Math.min(1, n / d) : null);
  return {
    total: Number(r.total),
    accuracy: rate(confirmed + prevented, settled),
    precision: rate(confirmed, confirmed + fp + rejected),
    recall: rate(Number(r.predictable_confirmed), Number(r.failures)),
    false_positive_rate: rate(fp + rejected, settled),
    median_lead_ms: r.lead === null ? null : Math.round(r.lead),
  };
}

/** The MTTR target in the swarm's stored settings (the default when it has none). */
async function storedTargetMttrMs(pool: pg.Pool, swarmId: number): Promise<number> {
  const { rows } = await pool.query<{ settings: unknown }>("SELECT settings FROM swarms WHERE id = $1", [swarmId]);
  return storedSettings(rows[0]?.settings ?? null).target_mttr_ms;
}

/**
 * analytics/overview: health score, healing figures, prediction quality, active bottlenecks, throughput. The health
 * score is measured against the swarm's target MTTR; task outcomes are not in the rollups, so its success term is
 * left out here (docs/decisions.md#d26: the MTTR and strategy terms are rescaled) and the score is null without any healing.
 */
export async function overview(pool: pg.Pool, swarmId: number, range: keyof typeof RANGES, now: number): Promise<AnalyticsOverview> {
  const span = RANGES[range];
  const from = now - span;
  const rows = await rollups(pool, swarmId, tableFor(span), Math.floor(from / 60_000) * 60_000, now + 1);
  const healing = overallStatsFromRollups(rows);
  const strategyRates = (await strategies(pool, swarmId, range, now)).map((s) => s.success_rate);
  const score = healthScore({
    successRate: null,
    mttrMs: healing.mttr_ms,
    strategyRates,
    targetMttrMs: await storedTargetMttrMs(pool, swarmId),
  });
  const { rows: active } = await pool.query<{ type: string; n: string }>(
    "SELECT type, count(*) AS n FROM bottlenecks WHERE swarm_id = $1 AND status = 'active' GROUP BY type",
    [swarmId],
  );
  const events = rows.reduce((s, r) => s + r.events, 0);
  return {
    health_score: score.score,
    health: score,
    healing: { total: healing.total, success_rate: healing.success_rate, mttr_ms: healing.mttr_ms, avg_heal_ms: healing.avg_heal_ms },
    prediction: await predictionQuality(pool, swarmId, from, now + 1),
    bottlenecks: {
      active: active.reduce((s, r) => s + Number(r.n), 0),
      by_type: Object.fromEntries(active.map((r) => [r.type, Number(r.n)])),
    },
    throughput_per_s: Math.round((events / (span / 1000)) * 100) / 100,
  };
}

/** A swarm's analytics (from the rollups) for the API routes. */
export class SwarmAnalytics {
  constructor(private readonly deps: { pool: pg.Pool }) {}

  /** See overview. */
  overview(swarm: SwarmRef, range: keyof typeof RANGES, now: number) {
    return overview(this.deps.pool, swarm.id, range, now);
  }

  /** See mttr. */
  mttr(swarm: SwarmRef, q: z.output<typeof mttrQuery>, now: number) {
    return mttr(this.deps.pool, swarm.id, q, now);
  }

  /** See strategies. */
  strategies(swarm: SwarmRef, range: keyof typeof RANGES, now: number) {
    return strategies(this.deps.pool, swarm.id, range, now);
  }
}
