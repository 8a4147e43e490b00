// analyzePerformance (docs/engine.md#s-4-5): summary with p95/p99 and trends computed oldest → newest (docs/decisions.md#d7).
import type { Bottleneck } from "./types";

/** Direction of a metric over the range. */
export type Trend = "improving" | "stable" | "degrading";

/** One finished task as kept for reports. */
export type TaskRow = { ts: number; durationMs: number | null; tokensUsed: number | null; success: boolean };

/** The performance report of one swarm over a time range. */
export type PerformanceReport = {
  timeRangeMs: number;
  generatedAt: number;
  /** The active bottlenecks from the last detection pass. */
  bottlenecks: Bottleneck[];
  summary: {
    taskCount: number;
    avgDurationMs: number;
    p95DurationMs: number;
    p99DurationMs: number;
    avgTokensPerTask: number;
    successRate: number;
  };
  trends: { taskDuration: Trend; tokenUsage: Trend; successRate: Trend };
};

/** Rows the summary reads (the reference's query limit). */
export const SUMMARY_ROW_LIMIT = 1_000;
/** Rows each trend reads (the reference's query limit). */
export const TREND_ROW_LIMIT = 500;
/** Moving-average window. */
export const MOVING_AVERAGE_WINDOW = 10;
/** Relative change beyond which a trend is not stable. */
export const TREND_CHANGE = 0.05;

const mean = (values: readonly number[]) => (values.length === 0 ? 0 : values.reduce((s, v) => s + v, 0) / values.length);

/** Percentile of ascending `sorted`: sorted[min(floor(n × p / 100), n − 1)], 0 when empty. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(Math.floor((sorted.length * p) / 100), sorted.length - 1)] ?? 0;
}

/** Sliding means of `window` values (n − window + 1 of them); fewer values than the window give [mean] ([] if none). */
export function movingAverage(values: readonly number[], window = MOVING_AVERAGE_WINDOW): number[] {
  if (values.length === 0) return [];
  if (values.length < window) return [mean(values)];
  const out: number[] = [];
  for (let i = 0; i + window <= values.length; i++) out.push(mean(values.slice(i, i + window)));
  return out;
}

/**
 * Trend of chronological `values` (docs/decisions.md#d7: oldest → newest): recent = mean of the last 5 moving averages, historical =
 * the mean of the rest; stable with < 10 values, ≤ 5 moving averages, a zero historical mean, or |change| ≤ 5%.
 */
export function trendOf(values: readonly number[], higherIsBetter: boolean): Trend {
  if (values.length < MOVING_AVERAGE_WINDOW) return "stable";
  const ma = movingAverage(values);
  if (ma.length <= 5) return "stable";
  const historical = mean(ma.slice(0, -5));
  if (historical === 0) return "stable";
  const change = (mean(ma.slice(-5)) - historical) / historical;
  const better = higherIsBetter ? change > TREND_CHANGE : change < -TREND_CHANGE;
  const worse = higherIsBetter ? change < -TREND_CHANGE : change > TREND_CHANGE;
  return better ? "improving" : worse ? "degrading" : "stable";
}

const present = (values: ReadonlyArray<number | null>): number[] => values.filter((v): v is number => v !== null);

/** The report from chronological `rows` (already limited to the range) and the active bottlenecks. */
export function performanceReport(
  rows: readonly TaskRow[],
  bottlenecks: Bottleneck[],
  timeRangeMs: number,
  now: number,
): PerformanceReport {
  const summaryRows = rows.slice(-SUMMARY_ROW_LIMIT);
  const durations = present(summaryRows.map((r) => r.durationMs)).sort((a, b) => a - b);
  const tokens = present(summaryRows.map((r) => r.tokensUsed));
  const trendRows = rows.slice(-TREND_ROW_LIMIT);
  return {
    timeRangeMs,
    generatedAt: now,
    bottlenecks,
    summary: {
      taskCount: summaryRows.length,
      avgDurationMs: mean(durations),
      p95DurationMs: percentile(durations, 95),
      p99DurationMs: percentile(durations, 99),
      avgTokensPerTask: mean(tokens),
      successRate: summaryRows.length === 0 ? 0 : summaryRows.filter((r) => r.success).length / summaryRows.length,
    },
    trends: {
      taskDuration: trendOf(present(trendRows.map((r) => r.durationMs)), false),
      tokenUsage: trendOf(present(trendRows.map((r) => r.tokensUsed)), false),
      successRate: trendOf(
        trendRows.map((r) => (r.success ? 1 : 0)),
        true,
      ),
    },
  };
}

/** The newest `capacity` task rows in arrival order (a ring), read back chronologically. */
export class TaskRows {
  private rows: TaskRow[] = [];
  private next = 0;

  constructor(private readonly capacity: number) {}

  /** Keeps a row, overwriting the oldest arrival when full. */
  push(row: TaskRow): void {
    if (this.rows.length < this.capacity) this.rows.push(row);
    else this.rows[this.next] = row;
    this.next = (this.next + 1) % this.capacity;
  }

  /** Rows stamped in [from, to], oldest first (ties keep arrival order). */
  between(from: number, to: number): TaskRow[] {
    const arrival = this.rows.length < this.capacity ? this.rows : [...this.rows.slice(this.next), ...this.rows.slice(0, this.next)];
    return arrival.filter((r) => r.ts >= from && r.ts <= to).sort((a, b) => a.ts - b.ts);
  }

  /** Number of rows kept. */
  get size(): number {
    return this.rows.length;
  }
}
