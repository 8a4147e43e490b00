// Small building blocks: recency and 50/30/20, the timed series, docs/decisions.md#d13 event reading, per-pass merge, stat bounds.
import { describe, expect, it } from "vitest";
import { patternConfidence, recencyFactor } from "./confidence";
import { mergeCandidates } from "./merge-candidates";
import { OutcomeStats } from "./outcome-stats";
import type { Candidate, Prediction } from "./prediction-record";
import { taskResultOf } from "./read-event";
import { T0, ev } from "./test-fixtures";
import { TimedSeries, meanOf, trendOf } from "./timed-series";

describe("recencyFactor / patternConfidence (§7.3)", () => {
  it.each([
    [0, 1],
    [59_999, 1],
    [60_000, 0.8],
    [299_999, 0.8],
    [300_000, 0.6],
    [600_000, 0.4],
    [1_800_000, 0.2],
    [-5000, 1],
    [NaN, 0.5],
  ])("age %i ms → %f", (age, factor) => {
    expect(recencyFactor(age)).toBe(factor);
  });

  it.each<[number, { hits: number; misses: number } | null, number, number]>([
    [1, { hits: 3, misses: 0 }, 30_000, 1],
    [0.9, { hits: 9, misses: 1 }, 400_000, 0.84],
    [0.7, { hits: 4, misses: 0 }, 30_000, 0.85],
    [0.4, { hits: 4, misses: 0 }, 60_000, 0.66],
    [2, { hits: 5, misses: 0 }, 0, 1],
    [-3, { hits: 0, misses: 4 }, 3_600_000, 0],
  ])("proven pattern %f with outcomes %j, age %i → %f (50/30/20 at most the hit rate, clamped to [0, 1])", (pc, outcomes, age, c) => {
    expect(patternConfidence(pc, outcomes, age, 0.7)).toBe(c);
  });

  it.each<[string, { hits: number; misses: number } | null, number, number]>([
    ["no outcomes, threshold 0.7", null, 0.7, 0.6999],
    ["no outcomes, threshold 0.9: the 50/30/20 value 0.85 is below it anyway", null, 0.9, 0.85],
    ["2 outcomes, both hits", { hits: 2, misses: 0 }, 0.7, 0.6999],
    ["0 settled (empty tally)", { hits: 0, misses: 0 }, 0.7, 0.6999],
    ["hit rate 0.6 < threshold 0.7", { hits: 6, misses: 4 }, 0.7, 0.6],
    ["hit rate 0.6 ≥ threshold 0.5", { hits: 6, misses: 4 }, 0.5, 0.6],
  ])("D9 revised, only proven patterns propose: %s → %f", (_n, outcomes, threshold, c) => {
    expect(patternConfidence(1, outcomes, 0, threshold)).toBe(c);
  });
});

describe("TimedSeries", () => {
  it("orders by event time, keeps arrival order on ties, and drops the oldest beyond the cap", () => {
    const s = new TimedSeries<string>(3);
    s.add(20, "b");
    s.add(10, "a");
    s.add(20, "c");
    s.add(30, "d");
    expect(s.since(0).map((x) => x.value)).toEqual(["b", "c", "d"]);
    expect(s.since(25).map((x) => x.value)).toEqual(["d"]);
    expect(s.prune(21)).toBe(1);
    expect(s.prune(31)).toBe(0);
  });

  it.each([
    [[], 0],
    [[5], 0],
    [[1, 2, 4], 1.5],
    [[9, 3], -6],
  ])("trend of %j = %f", (xs, t) => {
    expect(trendOf(xs)).toBe(t);
  });

  it("mean", () => {
    expect([meanOf([]), meanOf([1, 2, 6])]).toEqual([0, 3]);
  });
});

describe("taskResultOf (D13)", () => {
  it.each([
    ["task_complete", { duration_ms: 500, result: "success" }, { ok: true, durationMs: 500 }],
    ["task_complete", { metadata: { duration_ms: 700, result: "success" } }, { ok: true, durationMs: 700 }],
    ["task_complete", { duration_ms: 1, metadata: { duration_ms: 2 } }, { ok: true, durationMs: 1 }],
    ["task_complete", { metadata: { duration_ms: 900, result: "timeout" } }, { ok: false, durationMs: 900 }],
    ["task_complete", { result: "failure" }, { ok: false, durationMs: null }],
    ["task_complete", {}, { ok: true, durationMs: null }],
    ["task_success", { duration_ms: 3 }, { ok: true, durationMs: 3 }],
    ["task_failed", { duration_ms: 3 }, { ok: false, durationMs: null }],
    ["task_error", {}, { ok: false, durationMs: null }],
    ["heartbeat", {}, null],
  ])("%s %j → %j", (type, data, expected) => {
    expect(taskResultOf(ev(type, T0, data, "a"))).toEqual(expected);
  });
});

describe("mergeCandidates (§7.1 steps 7–8)", () => {
  const c = (failureType: string, agentId: string | null, confidence: number, reasoning: string): Candidate => ({
    failureType,
    agentId,
    confidence,
    etaMs: 0,
    reasoning,
    recommendedAction: "",
    source: "queue",
    patternIndicators: [],
  });
  it("keeps the first on a tie, replaces on strictly higher confidence, sorts descending and stably", () => {
    const out = mergeCandidates([
      c("x", null, 0.8, "first"),
      c("x", null, 0.8, "tie"),
      c("y", "a", 0.5, "y"),
      c("y", "a", 0.9, "higher"),
      c("z", null, 0.8, "z"),
    ]);
    expect(out.map((x) => x.reasoning)).toEqual(["higher", "first", "z"]);
  });
});

describe("OutcomeStats bounds (D3)", () => {
  const p = (i: number): Prediction => ({
    id: `p-${i}`,
    failureType: "x",
    agentId: null,
    confidence: 1,
    predictedAt: 0,
    expectedAt: 0,
    reasoning: "",
    recommendedAction: "",
    source: "health",
    patternIndicators: [`ind-${i}`],
    status: "observed",
    outcome: null,
    decidedBy: null,
    decidedAt: null,
    decisionReason: null,
  });
  it("keeps at most maxIndicatorStats indicator ids (least recently updated dropped) and maxLeadTimes lead times", () => {
    const st = new OutcomeStats({ maxIndicatorStats: 3, maxLeadTimes: 2, confidenceThreshold: 0.7 });
    for (let i = 0; i < 10; i++) st.settled(p(i), "confirmed", i * 1000);
    expect(Object.keys(st.snapshot().pattern_accuracy)).toEqual(["ind-7", "ind-8", "ind-9"]);
    expect(st.snapshot().median_lead_ms).toBe(8500);
    expect(st.outcomesOf("ind-0")).toBeNull();
    expect(st.outcomesOf("ind-9")).toEqual({ hits: 1, misses: 0 });
    expect(st.footprint()).toBe(3 + 1 + 2);
  });
});
