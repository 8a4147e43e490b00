// analyzePerformance math: percentile, moving average, trends oldest → newest (docs/decisions.md#d7), docs/engine.md#s-14 vector 2.
import { describe, expect, it } from "vitest";
import { BottleneckDetector } from "./bottleneck-detector";
import { sequentialIds } from "./load-fixture";
import { movingAverage, percentile, performanceReport, TaskRows, trendOf, type TaskRow } from "./performance-report";
import { taskDone } from "./test-events";

const T = 1_700_000_000_000;
const rising = (n: number) => Array.from({ length: n }, (_, i) => 1000 + 100 * i);

describe("percentile and moving average (reference §4.5)", () => {
  const tens = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100];
  it.each([
    [95, 100],
    [50, 60],
    [99, 100],
    [0, 10],
  ])("p%i of [10..100] = %i", (p, v) => expect(percentile(tens, p)).toBe(v));
  it("is 0 for no values", () => expect(percentile([], 95)).toBe(0));
  it("gives n − 9 sliding means, or one mean below the window", () => {
    expect(movingAverage(rising(12))).toEqual([1450, 1550, 1650]);
    expect(movingAverage([1, 2, 3])).toEqual([2]);
    expect(movingAverage([])).toEqual([]);
  });
});

describe("trendOf (D7)", () => {
  it.each<[string, number[], boolean, string]>([
    ["§14 vector 2 (D7): 40 rising durations, chronological → degrading", rising(40), false, "degrading"],
    [
      "D7: the same series newest-first is a falling series → improving (order is the caller's job)",
      rising(40).reverse(),
      false,
      "improving",
    ],
    ["§14 vector 2: exactly 10 rows → stable", rising(10), false, "stable"],
    ["§14 vector 2 (D7): 11 rows → stable, no exception", rising(11), false, "stable"],
    ["§14 vector 2 (D7): 14 rows → stable, no exception", rising(14), false, "stable"],
    ["D7: 15 rows (6 moving averages) → judged", rising(15), false, "degrading"],
    ["a rising success series is improving", [...Array<number>(20).fill(0), ...Array<number>(20).fill(1)], true, "improving"],
    ["a zero historical mean is stable", [...Array<number>(35).fill(0), ...Array<number>(5).fill(1)], false, "stable"],
    ["a flat series is stable", Array<number>(40).fill(5), false, "stable"],
  ])("%s", (_name, values, higherIsBetter, trend) => expect(trendOf(values, higherIsBetter)).toBe(trend));
});

describe("analyzePerformance", () => {
  it("§14 vector 2 (D7): rows fed newest-first are sorted by time → task_duration degrading (the original said improving)", () => {
    const d = new BottleneckDetector(sequentialIds());
    const events = rising(40).map((ms, i) => taskDone("a", T + i * 1000, ms));
    d.observe([...events].reverse(), T + 40_000);
    const report = d.analyzePerformance(T + 40_000);
    expect(report.trends).toEqual({ taskDuration: "degrading", tokenUsage: "stable", successRate: "stable" });
    expect(report.summary).toEqual({
      taskCount: 40,
      avgDurationMs: 2950,
      p95DurationMs: 4800,
      p99DurationMs: 4900,
      avgTokensPerTask: 0,
      successRate: 1,
    });
  });

  it("summarises only the range, and all zeros without rows", () => {
    const d = new BottleneckDetector(sequentialIds());
    d.observe([taskDone("a", T, 1000, "failure"), taskDone("a", T + 50_000, 3000)], T + 60_000);
    expect(d.analyzePerformance(T + 60_000, 20_000).summary).toMatchObject({ taskCount: 1, avgDurationMs: 3000, successRate: 1 });
    expect(d.analyzePerformance(T + 60_000, 120_000).summary).toMatchObject({ taskCount: 2, avgDurationMs: 2000, successRate: 0.5 });
    expect(new BottleneckDetector(sequentialIds()).analyzePerformance(T).summary).toEqual({
      taskCount: 0,
      avgDurationMs: 0,
      p95DurationMs: 0,
      p99DurationMs: 0,
      avgTokensPerTask: 0,
      successRate: 0,
    });
  });

  it("caps the range at the window (longer ranges come from storage, D27)", () => {
    const d = new BottleneckDetector(sequentialIds(), { windowMs: 60_000, bucketMs: 1000 });
    expect(d.analyzePerformance(T, 3_600_000).timeRangeMs).toBe(60_000);
  });

  it("reads the newest 1,000 rows for the summary and the newest 500 for trends", () => {
    const rows: TaskRow[] = Array.from({ length: 1500 }, (_, i) => ({
      ts: i,
      durationMs: i < 1000 ? 100 : 1000 - (i - 1000),
      tokensUsed: null,
      success: true,
    }));
    const report = performanceReport(rows, [], 1, 0);
    expect(report.summary.taskCount).toBe(1000);
    expect(report.trends.taskDuration).toBe("improving");
  });
});

describe("TaskRows", () => {
  it("keeps the newest arrivals and reads them back by time", () => {
    const ring = new TaskRows(3);
    for (const ts of [5, 1, 4, 2]) ring.push({ ts, durationMs: ts, tokensUsed: null, success: true });
    expect(ring.size).toBe(3);
    expect(ring.between(0, 10).map((r) => r.ts)).toEqual([1, 2, 4]);
    expect(ring.between(2, 4).map((r) => r.ts)).toEqual([2, 4]);
  });
});
