// Trend and queue sources: reference thresholds, and docs/decisions.md#d14 (ETAs clamped to ≥ 0).
import { describe, expect, it } from "vitest";
import { queueCandidates } from "./source-queue";
import { trendCandidates } from "./source-trend";

const trend = (tokenUsage: number[], memoryUsage: number[] = []) => trendCandidates({ tokenUsage, memoryUsage }, 10_000);
const queue = (queueDepth: number[], highPriority: number[] = []) => queueCandidates({ queueDepth, highPriority }, 10_000);

describe("trend source", () => {
  it.each([
    ["rising above 80", [85, 88, 91], [["token_exhaustion", 0.91, 30_000]]],
    ["two samples only", [88, 91], []],
    ["flat", [91, 91, 91], []],
    ["falling", [95, 93, 91], []],
    ["at 80 exactly", [70, 75, 80], []],
    ["D14: above 100 % gives a negative raw ETA, clamped to 0", [98, 101, 104], [["token_exhaustion", 1, 0]]],
  ])("token: %s", (_n, series, expected) => {
    expect(trend(series).map((c) => [c.failureType, c.confidence, c.etaMs])).toEqual(expected);
  });

  it.each([
    ["rising above 85", [86, 90, 95], [["memory_exhaustion", 0.95, 11_111]]],
    ["at 85 exactly", [80, 83, 85], []],
    ["D14: 101 % clamps to 0", [98, 99, 101], [["memory_exhaustion", 1, 0]]],
  ])("memory: %s", (_n, series, expected) => {
    expect(trend([], series).map((c) => [c.failureType, c.confidence, c.etaMs])).toEqual(expected);
  });
});

describe("queue source", () => {
  it.each([
    ["backlog", [40, 60, 80], [], [[1, 60_000, "queue_backlog_trend"]]],
    ["slow growth uses max(trend, 1)", [51, 51.5, 52], [], [[0.545, 1_480_000, "queue_backlog_trend"]]],
    ["D14: depth beyond 200 clamps to 0", [210, 220, 230], [], [[1, 0, "queue_backlog_trend"]]],
    ["not above 50", [30, 40, 50], [], []],
    ["high-priority pile-up", [], [8, 11, 14], [[1, 60_000, "high_priority_backlog"]]],
    ["high-priority at 10", [], [6, 8, 10], []],
  ])("%s", (_n, depth, high, expected) => {
    expect(queue(depth, high).map((c) => [c.confidence, c.etaMs, c.patternIndicators[0]])).toEqual(expected);
  });
});
