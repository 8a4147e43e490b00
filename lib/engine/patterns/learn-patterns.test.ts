// The learning pass: §14 vector 3 (adjusted by D9), D2 ids, thresholds and the performance target.
import { describe, expect, it } from "vitest";
import { learnPatterns } from "./learn-patterns";
import type { Pattern, TimedType } from "./pattern";

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const S = 1000;

/** §14 vector 3: 30 cycles of a, b (+1 s), c (+30 s), one cycle per minute. */
const vector3: TimedType[] = Array.from({ length: 30 }, (_, k) => [
  { type: "a", ts: T0 + k * 60 * S },
  { type: "b", ts: T0 + k * 60 * S + 1 * S },
  { type: "c", ts: T0 + k * 60 * S + 30 * S },
]).flat();

const byId = (ps: Pattern[]) => new Map(ps.map((p) => [p.id, p]));

describe("learnPatterns — §14 vector 3", () => {
  const patterns = learnPatterns(vector3, { confidenceThreshold: 0 });
  const got = byId(patterns);

  it("finds frequency a/b/c with confidence 1.0 and a 60 s interval", () => {
    for (const t of ["a", "b", "c"]) {
      expect(got.get(`freq:${t}`)).toMatchObject({ type: "frequency", confidence: 1, occurrences: 30, intervalMs: 60_000, metadata: { avg_interval_seconds: 60, regularity_score: 1 } });
    }
  });

  it.each([
    ["seq:a>b>c", 0.539, 30],
    ["seq:a>b", 0.536, 30],
    ["seq:b>c", 0.536, 30],
    ["seq:c>a", 0.528, 29],
    ["seq:b>c>a", 0.531, 29],
    ["seq:c>a>b", 0.531, 29],
  ])("scores sequence %s at %f (%i occurrences)", (id, conf, occurrences) => {
    expect(got.get(id)?.confidence).toBeCloseTo(conf, 3);
    expect(got.get(id)?.occurrences).toBe(occurrences);
  });

  it("D9 changes the outcome: the a+b correlation now fires (lift 3.0, confidence 1.0); the reference found none", () => {
    const corr = patterns.filter((p) => p.type === "correlation");
    expect(corr).toEqual([
      {
        id: "corr:a+b",
        type: "correlation",
        description: "Correlation: a + b (co-occur 30 times, strength: 3.00)",
        events: ["a", "b"],
        confidence: 1,
        occurrences: 30,
        firstSeen: T0,
        lastSeen: T0 + 29 * 60 * S,
        metadata: { correlation_strength: 3, time_window_seconds: 10 },
      },
    ]);
  });

  it("finds no temporal pattern", () => {
    expect(patterns.filter((p) => p.type === "temporal")).toEqual([]);
  });

  it("lists exactly these patterns, by confidence then id", () => {
    expect(patterns.map((p) => p.id)).toEqual(["corr:a+b", "freq:a", "freq:b", "freq:c", "seq:a>b>c", "seq:a>b", "seq:b>c", "seq:b>c>a", "seq:c>a>b", "seq:c>a"]);
  });

  it("at the default threshold 0.7 keeps the frequencies and (D9) the correlation, not the sequences", () => {
    expect(learnPatterns(vector3).map((p) => p.id)).toEqual(["corr:a+b", "freq:a", "freq:b", "freq:c"]);
  });
});

describe("learnPatterns — ids and thresholds", () => {
  it("D2: ids are derived from content, identical across runs and independent of timestamps", () => {
    const shifted = vector3.map((e) => ({ ...e, ts: e.ts + 7 * 24 * 3600 * S }));
    const ids = (h: TimedType[]) => learnPatterns(h, { confidenceThreshold: 0 }).map((p) => p.id);
    expect(ids(vector3)).toEqual(ids(vector3));
    expect(ids(shifted)).toEqual(ids(vector3));
    expect(ids(vector3)).toContain("seq:a>b>c");
  });

  it("D2: a task_start → task_timeout sequence is `seq:task_start>task_timeout`", () => {
    const h = Array.from({ length: 6 }, (_, k) => [
      { type: "task_start", ts: T0 + k * 60 * S },
      { type: "task_timeout", ts: T0 + k * 60 * S + 30 * S },
    ]).flat();
    expect(learnPatterns(h, { confidenceThreshold: 0 }).map((p) => p.id)).toContain("seq:task_start>task_timeout");
  });

  it.each([0, 1, 4])("returns [] with %i events (fewer than minOccurrences = 5)", (n) => {
    expect(learnPatterns(vector3.slice(0, n), { confidenceThreshold: 0 })).toEqual([]);
  });

  it.each([-0.1, 1.1, Number.NaN])("rejects a confidence threshold of %f", (t) => {
    expect(() => learnPatterns(vector3, { confidenceThreshold: t })).toThrow(RangeError);
  });

  it("respects minOccurrences for every family", () => {
    expect(learnPatterns(vector3, { confidenceThreshold: 0, minOccurrences: 31 })).toEqual([]);
  });
});

describe("learnPatterns — performance (seed target < 500 ms per 1,000 events)", () => {
  const burst = (n: number, types: number, spanMs: number): TimedType[] =>
    Array.from({ length: n }, (_, i) => ({ type: `t${(i * 7919) % types}`, ts: T0 + Math.floor((i * spanMs) / n) }));

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
