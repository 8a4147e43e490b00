// The learning pass: docs/engine.md#s-14 vector 3 under docs/decisions.md#d9 revised, docs/decisions.md#d2 ids, thresholds and the performance target.
import { describe, expect, it } from "vitest";
import { learnPatterns } from "./learn-patterns";
import type { TimedType } from "./pattern";

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const S = 1000;

/** docs/engine.md#s-14 vector 3: 30 cycles of a, b (+1 s), c (+30 s), one cycle per minute. */
const vector3: TimedType[] = Array.from({ length: 30 }, (_, k) => [
  { type: "a", ts: T0 + k * 60 * S },
  { type: "b", ts: T0 + k * 60 * S + 1 * S },
  { type: "c", ts: T0 + k * 60 * S + 30 * S },
]).flat();

/** Vector 3 with a failure: each 6th cycle's c is a task_timeout on a new agent, token_warning on it 25 s before (5 episodes). */
const withFailures: TimedType[] = vector3.flatMap((e, i) => {
  const cycle = Math.floor(i / 3);
  if (e.type !== "c" || cycle % 6 !== 5) return [e];
  const agentId = `agent-${(cycle - 5) / 6}`;
  return [
    { type: "token_warning", ts: e.ts - 25 * S, agentId },
    { type: "task_timeout", ts: e.ts, agentId },
  ];
});

describe("learnPatterns — §14 vector 3 (D9 revised)", () => {
  it("learns nothing from vector 3: none of its types is a failure, so nothing predicts one", () => {
    expect(learnPatterns(vector3, { confidenceThreshold: 0 })).toEqual([]);
  });

  it("learns only the precursor of the failure, not the cycle's a/b/c correlations", () => {
    expect(learnPatterns(withFailures).map((p) => [p.id, p.support, p.leadMs, p.confidence])).toEqual([
      ["corr:token_warning+task_timeout", 5, 25_000, 1],
    ]);
  });
});

describe("learnPatterns — ids and thresholds", () => {
  it("D2: ids are derived from content, identical across runs and independent of timestamps", () => {
    const shifted = withFailures.map((e) => ({ ...e, ts: e.ts + 7 * 24 * 3600 * S }));
    const ids = (h: TimedType[]) => learnPatterns(h).map((p) => p.id);
    expect(ids(withFailures)).toEqual(ids(withFailures));
    expect(ids(shifted)).toEqual(ids(withFailures));
  });

  it("the history's order does not matter (events are ordered by time)", () => {
    expect(learnPatterns([...withFailures].reverse())).toEqual(learnPatterns(withFailures));
  });

  it.each([0, 1, 4])("returns [] with %i events", (n) => {
    expect(learnPatterns(withFailures.slice(0, n), { confidenceThreshold: 0 })).toEqual([]);
  });

  it.each([-0.1, 1.1, Number.NaN])("rejects a confidence threshold of %f", (t) => {
    expect(() => learnPatterns(vector3, { confidenceThreshold: t })).toThrow(RangeError);
  });

  it.each([
    ["minSupport 6 > 5 episodes", { minSupport: 6 }],
    ["minLift above the lift", { minLift: 1e6 }],
    ["a window shorter than the lead", { precursorWindowMs: 24 * S }],
  ])("respects %s", (_label, options) => {
    expect(learnPatterns(withFailures, { confidenceThreshold: 0, ...options })).toEqual([]);
  });
});

describe("learnPatterns — performance (seed target < 500 ms per 1,000 events)", () => {
  const TYPES = ["memory_pressure", "high_latency", "token_warning", "heartbeat_failed", "task_timeout", "quorum_loss"];
  const burst = (n: number, types: number, spanMs: number): TimedType[] =>
    Array.from({ length: n }, (_, i) => ({
      type: i % 3 === 0 ? TYPES[i % 6]! : `t${(i * 7919) % types}`,
      ts: T0 + Math.floor((i * spanMs) / n),
      agentId: `agent-${i % 17}`,
    }));

  it.each([
    ["1,000 events over 10 min", burst(1_000, 12, 600_000), 100],
    ["1,000 events inside one 10 s window", burst(1_000, 12, 5_000), 100],
    ["10,000 events inside one 10 s window", burst(10_000, 20, 5_000), 400],
  ])("%s", (_label, history, budgetMs) => {
    const start = performance.now();
    learnPatterns(history, { confidenceThreshold: 0 });
    expect(performance.now() - start).toBeLessThan(budgetMs);
  });
});
