// Engine tunables of the trend and queue sources: the token horizon, the early queue depth and the newest trend samples.
import { describe, expect, it } from "vitest";
import { resolveConfig } from "./config";
import { Observations } from "./observations";
import { T0, queueMetric, resourceMetric } from "./test-fixtures";
import { queueCandidates } from "./source-queue";
import { trendCandidates } from "./source-trend";

describe("token horizon", () => {
  const token = (series: number[], horizon: number | null) =>
    trendCandidates({ tokenUsage: series, memoryUsage: [] }, 10_000, horizon).map((c) => [c.confidence, c.etaMs]);

  it.each([
    ["reference (no horizon): below 80 is never predicted", [20, 30, 40], null, []],
    ["exhausted in 60 s: nearly certain", [20, 30, 40], 600_000, [[0.97, 60_000]]],
    ["exhausted in 300 s, half the horizon: a proposal", [36, 38, 40], 600_000, [[0.85, 300_000]]],
    ["exhausted in 600 s, the horizon: 0.7", [38, 39, 40], 600_000, [[0.7, 600_000]]],
    ["exhausted in 1200 s, twice the horizon: observed at 0.4", [39, 39.5, 40], 600_000, [[0.4, 1_200_000]]],
    ["beyond twice the horizon: nothing", [39.2, 39.6, 40], 600_000, []],
    ["the baseline (0.1 points per 10 s): nothing", [21.5, 21.6, 21.7], 600_000, []],
    ["above 80 the reference confidence applies", [70, 80, 90], 600_000, [[0.9, 10_000]]],
  ])("%s", (_name, series, horizon, expected) => {
    expect(token(series, horizon)).toEqual(expected);
  });

  it("memory has no horizon: its usage goes up and down with load", () => {
    expect(trendCandidates({ tokenUsage: [], memoryUsage: [20, 30, 40] }, 10_000, 600_000)).toEqual([]);
  });
});

describe("early queue depth", () => {
  it.each([
    ["reference: 32 is not judged", [0, 0, 32], null, []],
    ["a queue of 32 from nothing within two samples", [0, 0, 32], 25, [[1, "queue_backlog_trend"]]],
    ["slow growth near 25 stays observed", [24, 25, 26], 25, [[0.31, "queue_backlog_trend"]]],
    ["not above the early depth", [0, 10, 25], 25, []],
  ])("%s", (_name, depth, early, expected) => {
    expect(
      queueCandidates({ queueDepth: depth, highPriority: [] }, 10_000, early).map((c) => [c.confidence, c.patternIndicators[0]]),
    ).toEqual(expected);
  });
});

describe("newest trend samples", () => {
  it("with a count, the metric series hold only that many newest in-window samples; without, the whole window", () => {
    const events = [0, 1, 2, 3, 4, 5].flatMap((i) => [
      resourceMetric(T0 - (5 - i) * 10_000, 20 + i, 50),
      queueMetric(T0 - (5 - i) * 5_000, i, 0),
    ]);
    const view = (over: Parameters<typeof resolveConfig>[0]) => {
      const obs = new Observations(resolveConfig(over));
      for (const e of events) obs.observe(e);
      return obs.view(T0);
    };
    expect(view({}).tokenUsage).toEqual([20, 21, 22, 23, 24, 25]);
    expect(view({ trendSamples: 3 }).tokenUsage).toEqual([23, 24, 25]);
    expect(view({ queueTrendSamples: 3 }).queueDepth).toEqual([3, 4, 5]);
    expect(view({ queueTrendSamples: 3 }).memoryUsage).toHaveLength(6);
    expect(view({ trendSamples: 60 }).tokenUsage).toHaveLength(6);
  });
});
