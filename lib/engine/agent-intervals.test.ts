// Learning an agent's interval: median of its heartbeat gaps, else a high percentile of its activity gaps, with floors.
import { describe, expect, it } from "vitest";
import {
  ACTIVITY_FLOOR_MS,
  HEARTBEAT_FLOOR_MS,
  learnedInterval,
  median,
  newCadence,
  quantile,
  RECENT_GAPS,
  recordEvent,
} from "./agent-intervals";

/** The interval learned from events given as [ts, isHeartbeat]. */
const learn = (events: [number, boolean][]) => {
  const c = newCadence();
  for (const [ts, hb] of events) recordEvent(c, ts, hb);
  return learnedInterval(c);
};
const beats = (every: number, n: number, from = 0): [number, boolean][] => Array.from({ length: n }, (_, i) => [from + i * every, true]);
const acts = (gaps: number[]): [number, boolean][] =>
  gaps.reduce<[number, boolean][]>((out, g) => [...out, [(out.at(-1)?.[0] ?? 0) + g, false]], [[0, false]]);

describe("learnedInterval", () => {
  it.each([
    { name: "nothing yet", events: [], expected: null },
    { name: "two heartbeats (one gap) and nothing else", events: beats(1000, 2), expected: null },
    { name: "heartbeats every 1 s", events: beats(1000, 5), expected: { intervalMs: 1000, source: "heartbeat" } },
    { name: "heartbeats every 5 s", events: beats(5000, 4), expected: { intervalMs: 5000, source: "heartbeat" } },
    {
      name: "a missed heartbeat does not move the median",
      events: [...beats(2000, 5), [14_000, true], [16_000, true]] as [number, boolean][],
      expected: { intervalMs: 2000, source: "heartbeat" },
    },
    {
      name: "fast heartbeats are judged at the 1 s floor",
      events: beats(200, 10),
      expected: { intervalMs: HEARTBEAT_FLOOR_MS, source: "heartbeat" },
    },
    {
      name: "heartbeats interleaved with task events: the heartbeat gaps count",
      events: [...beats(3000, 4), [500, false], [700, false], [4100, false]] as [number, boolean][],
      expected: { intervalMs: 3000, source: "heartbeat" },
    },
    {
      name: "duplicate and out-of-order heartbeats add no gap",
      events: [
        [0, true],
        [1000, true],
        [1000, true],
        [500, true],
        [2000, true],
      ] as [number, boolean][],
      expected: { intervalMs: 1000, source: "heartbeat" },
    },
    { name: "activity: too few gaps", events: acts([20_000, 20_000, 20_000]), expected: null },
    {
      name: "activity: the 90th percentile gap",
      events: acts([20_000, 30_000, 25_000, 60_000, 22_000]),
      expected: { intervalMs: 60_000, source: "activity" },
    },
    {
      name: "activity: a busy agent is judged at the 10 s floor",
      events: acts([100, 200, 50, 300, 100, 5_000]),
      expected: { intervalMs: ACTIVITY_FLOOR_MS, source: "activity" },
    },
    {
      name: "one heartbeat gap, but enough activity",
      events: [
        [0, true],
        [30_000, true],
        [40_000, false],
        [60_000, false],
        [90_000, false],
      ] as [number, boolean][],
      expected: { intervalMs: 30_000, source: "activity" },
    },
  ])("$name", ({ events, expected }) => {
    expect(learn(events as [number, boolean][])).toEqual(expected);
  });

  it("forgets old gaps: memory is bounded and the interval follows a changed cadence", () => {
    const c = newCadence();
    for (const [ts, hb] of [...beats(10_000, 50), ...beats(1000, RECENT_GAPS + 1, 500_000)]) recordEvent(c, ts, hb);
    expect(c.heartbeatGaps).toHaveLength(RECENT_GAPS);
    expect(c.activityGaps).toHaveLength(RECENT_GAPS);
    expect(learnedInterval(c)).toEqual({ intervalMs: 1000, source: "heartbeat" });
  });
});

describe("median and quantile", () => {
  it.each([
    { values: [5], median: 5, p90: 5 },
    { values: [4, 1, 3, 2], median: 2.5, p90: 4 },
    { values: Array.from({ length: 10 }, (_, i) => (i + 1) * 10), median: 55, p90: 90 },
  ])("$values", ({ values, median: m, p90 }) => {
    expect(median(values)).toBe(m);
    expect(quantile(values, 0.9)).toBe(p90);
  });
});
