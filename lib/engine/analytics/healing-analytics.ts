// Per-swarm HealingAnalytics (docs/decisions.md#d4): a bounded in-memory window of healings and failures (docs/decisions.md#d3) read by the pure functions.
import { outcomeAt } from "./aggregate";
import { healingReport, type HealingReport } from "./healing-report";
import { DEFAULT_TARGET_MTTR_MS, healthScore, type HealthScore } from "./health-score";
import { mttrSeries, rollupRecords, type BucketSize, type MttrPoint } from "./mttr-series";
import { overallStats, type OverallStats } from "./overall-stats";
import { strategyEffectiveness, type StrategyEffectiveness } from "./strategy-effectiveness";
import type { FailureRecord, HealingRecord, TimeRange } from "./types";

/** How many healings (and failures) one swarm keeps in memory by default (the original read 10,000). */
export const DEFAULT_CAPACITY = 10_000;

/** Options of one swarm's analytics. */
export type HealingAnalyticsOptions = {
  /** Time (epoch ms) from which this instance has been fed every healing and failure of the swarm. */
  since: number;
  capacity?: number;
  targetMttrMs?: number;
};

/** The in-memory analytics of one swarm. */
export class HealingAnalytics {
  private readonly healings = new Map<string, HealingRecord>();
  private readonly failures: FailureRecord[] = [];
  private readonly capacity: number;
  private readonly since: number;
  /** Latest time among evicted entries: memory is complete only after it. */
  private horizon = -Infinity;
  /** The MTTR the health score measures against (settable: a swarm's settings change it live). */
  targetMttrMs: number;
  /** The share of the swarm's recently finished tasks that succeeded, as of `at` (default: the newest), for the health
   * score's success term (null: none finished). */
  taskSuccessRate: (at?: number) => number | null = () => null;

  constructor(opts: HealingAnalyticsOptions) {
    this.since = opts.since;
    this.capacity = Math.max(1, opts.capacity ?? DEFAULT_CAPACITY);
    this.targetMttrMs = opts.targetMttrMs ?? DEFAULT_TARGET_MTTR_MS;
  }

  /** Records a healing as created or updated (the newest version per id wins); evicts the least recently written beyond capacity. */
  recordHealing(h: HealingRecord): void {
    this.healings.delete(h.id);
    this.healings.set(h.id, { ...h });
    for (const [id, old] of this.healings) {
      if (this.healings.size <= this.capacity) break;
      this.healings.delete(id);
      this.horizon = Math.max(this.horizon, outcomeAt(old));
    }
  }

  /** Records a detected failure; evicts the oldest beyond capacity. */
  recordFailure(f: FailureRecord): void {
    this.failures.push({ detectedAt: f.detectedAt });
    while (this.failures.length > this.capacity) this.horizon = Math.max(this.horizon, this.failures.shift()!.detectedAt);
  }

  /** Whether memory holds everything in `range`; when not, read the rollups instead (docs/decisions.md#d27). */
  covers(range: TimeRange): boolean {
    return range.from >= this.since && range.from > this.horizon;
  }

  /** The healing records held, least recently written first. */
  records(): HealingRecord[] {
    return [...this.healings.values()];
  }

  /** Overall figures over `range` (everything held when none). */
  stats(range?: TimeRange): OverallStats {
    return overallStats(this.records(), range, this.failures);
  }

  /** Per-strategy effectiveness over `range`. */
  strategies(range?: TimeRange): StrategyEffectiveness[] {
    return strategyEffectiveness(this.records(), { range });
  }

  /** The health score over `range` (docs/decisions.md#d26): the tasks' success rate now, healing figures over `range`, the configured MTTR target. */
  health(range?: TimeRange): HealthScore {
    const stats = this.stats(range);
    return healthScore({
      successRate: this.taskSuccessRate(range?.to),
      mttrMs: stats.mttr_ms,
      strategyRates: this.strategies(range).map((s) => s.success_rate),
      targetMttrMs: this.targetMttrMs,
    });
  }

  /** The MTTR series over a range memory covers (see `covers`). */
  series(q: TimeRange & { bucket: BucketSize }): MttrPoint[] {
    return mttrSeries(rollupRecords(this.records(), this.failures, q.bucket), q);
  }

  /** The full report over `range` at `now`. */
  report(now: number, range?: TimeRange): HealingReport {
    return healingReport(this.records(), {
      now,
      range,
      failures: this.failures,
      targetMttrMs: this.targetMttrMs,
      taskSuccessRate: this.taskSuccessRate(now),
    });
  }
}
