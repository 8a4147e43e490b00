// PatternMatcher (docs/engine.md#s-6): the 0.5/0.3/0.2 similarity, the rolling window, next-event prediction.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Pattern } from "./pattern";
import { type MatchableEvent, PatternMatcher } from "./pattern-matcher";
import { lcsSimilarity, metadataSimilarity, prefixMatchLength, temporalSimilarity } from "./similarity";

const pat = (over: Partial<Pattern> = {}): Pattern => ({
  id: "seq:a>b",
  type: "sequence",
  description: "",
  events: ["a", "b"],
  confidence: 0.5,
  occurrences: 5,
  firstSeen: 0,
  lastSeen: 10_000,
  metadata: { ngram_size: 2, sequence: ["a", "b"] },
  support: 5,
  lift: 3,
  leadMs: 5000,
  failureType: "agent_down",
  ...over,
});
const ev = (id: string, type: string, ts: number, metadata?: Record<string, unknown>): MatchableEvent => ({
  id,
  type,
  ts,
  data: metadata ? { type, metadata } : { type },
});

describe("similarity pieces", () => {
  it.each([
    [["a", "b", "c"], ["a", "c"], 2 / 3],
    [["x", "a", "y", "b"], ["a", "b"], 0.5],
    [[], ["a"], 0],
    [["a", "b"], ["b", "a"], 0.5],
  ])("LCS(%j, %j) = %f", (x, y, want) => {
    expect(lcsSimilarity(x, y)).toBeCloseTo(want, 12);
  });

  it.each([
    [{}, { n: 1 }, 0],
    [{ m: 1 }, { n: 1 }, 0],
    [{ n: 0 }, { n: 0 }, 1],
    [{ n: -2 }, { n: 2 }, 0],
    [{ n: 3 }, { n: 2 }, 2 / 3],
    [{ s: "x", n: 4 }, { s: "x", n: 2 }, 0.75],
    [{ o: { k: [1] } }, { o: { k: [1] } }, 1],
    [{ o: { k: [1] } }, { o: { k: [2] } }, 0],
    [{ s: "1" }, { s: 1 }, 0],
  ])("metadata %j vs %j = %f", (x, y, want) => {
    expect(metadataSimilarity(x, y)).toBeCloseTo(want, 12);
  });

  it.each([
    [[0], 0.5],
    [[0, 2_000], 1],
    [[0, 2_500], 0.5],
    [[0, 3_000], 0],
    [[0, 1_000, 4_000, 4_500], 0.5],
  ])("timing of %j against a 2 s pattern average = %f", (times, want) => {
    expect(temporalSimilarity(times, pat())).toBeCloseTo(want, 12);
  });

  it("timing is neutral (0.5) when the pattern average is 0", () => {
    expect(temporalSimilarity([0, 5], pat({ firstSeen: 7, lastSeen: 7 }))).toBe(0.5);
  });

  it.each([
    [["a", "b"], ["a", "b", "c"], 2],
    [["a", "x"], ["a", "b"], 1],
    [["b"], ["a", "b"], 0],
  ])("prefix(%j, %j) = %i", (x, y, want) => {
    expect(prefixMatchLength(x, y)).toBe(want);
  });
});

describe("PatternMatcher.match — similarity = 0.5 × sequence + 0.3 × event + 0.2 × temporal", () => {
  it.each<[string, MatchableEvent[], Pattern, number]>([
    ["sequence and timing match, no metadata", [ev("1", "a", 0), ev("2", "b", 2_000)], pat(), 0.7],
    ["plus shared metadata", [ev("1", "a", 0), ev("2", "b", 2_000, { ngram_size: 2 })], pat(), 0.85],
    [
      "plus the type listed in metadata.event_types",
      [ev("1", "a", 0), ev("2", "b", 2_000)],
      pat({ metadata: { event_types: ["b"] } }),
      0.85,
    ],
    ["partly similar metadata", [ev("1", "a", 0), ev("2", "b", 2_000, { ngram_size: 3, sequence: ["a", "b"] })], pat(), 0.825],
    ["one event: half the sequence, neutral timing", [ev("1", "a", 0)], pat(), 0.35],
    ["timing 25 % off", [ev("1", "a", 0), ev("2", "b", 2_500)], pat(), 0.6],
    ["timing beyond the 50 % tolerance", [ev("1", "a", 0), ev("2", "b", 3_500)], pat(), 0.5],
  ])("%s", (_label, events, pattern, want) => {
    const m = new PatternMatcher({ matchThreshold: 0 });
    let last: ReturnType<PatternMatcher["match"]> = [];
    for (const e of events) last = m.match(e, [pattern]);
    expect(last).toHaveLength(1);
    expect(last[0]?.similarity).toBeCloseTo(want, 12);
    expect(last[0]?.patternId).toBe(pattern.id);
  });

  it("keeps only matches at or above the threshold (default 0.8), highest first", () => {
    const m = new PatternMatcher();
    m.match(ev("1", "a", 0), []);
    const strong = pat({ id: "p2", metadata: { ngram_size: 2, event_types: ["b"] } });
    const got = m.match(ev("2", "b", 2_000, { ngram_size: 2 }), [
      pat({ id: "p0", metadata: {} }),
      pat({ id: "p1", metadata: { ngram_size: 2 } }),
      strong,
    ]);
    expect(got.map((x) => [x.patternId, x.similarity])).toEqual([
      ["p2", expect.closeTo(1, 12)],
      ["p1", expect.closeTo(0.85, 12)],
    ]);
  });

  it("clamps the threshold to [0, 1]", () => {
    expect(new PatternMatcher({ matchThreshold: 5 }).match(ev("1", "a", 0), [pat()])).toEqual([]);
    expect(new PatternMatcher({ matchThreshold: -1 }).match(ev("1", "z", 0), [pat()])).toHaveLength(1);
  });

  it("works on a rolling window of the last 10 events (D3)", () => {
    const m = new PatternMatcher({ matchThreshold: 0 });
    let got: ReturnType<PatternMatcher["match"]> = [];
    for (let i = 0; i < 12; i++) got = m.match(ev(`e${i}`, "a", i * 1_000), [pat()]);
    expect(got[0]?.matchedEventIds).toEqual(Array.from({ length: 10 }, (_, k) => `e${k + 2}`));
    expect(m.recent()).toHaveLength(10);
  });
});

describe("PatternMatcher.predictNext — probability = 0.4 × confidence + 0.4 × match + 0.2 × min(occurrences / 100, 1)", () => {
  const abc = pat({ id: "seq:a>b>c", events: ["a", "b", "c"], confidence: 0.539, occurrences: 30, firstSeen: 0, lastSeen: 1_740_000 });
  const bc = pat({ id: "seq:b>c", events: ["b", "c"], confidence: 0.536, occurrences: 30, firstSeen: 1_000, lastSeen: 1_741_000 });
  const freq = pat({ id: "freq:a", type: "frequency", events: ["a"], confidence: 1 });
  const patterns = [freq, abc, bc];

  it.each<[string[], [string, string, number, number][]]>([
    [["a"], [["seq:a>b>c", "b", 0.2156 + 0.4 / 3 + 0.06, 38_666]]],
    [["a", "b"], [["seq:a>b>c", "c", 0.2156 + 0.8 / 3 + 0.06, 19_333]]],
    [["b"], [["seq:b>c", "c", 0.2144 + 0.2 + 0.06, 29_000]]],
    [["a", "x", "y"], [["seq:a>b>c", "b", 0.2156 + 0.4 / 3 + 0.06, 0]]],
    [["c"], []],
    [[], []],
  ])("after %j", (types, want) => {
    const got = new PatternMatcher().predictNext(
      types.map((type) => ({ type })),
      patterns,
    );
    expect(got.map((p) => [p.patternId, p.predictedEventType, p.probability, p.expectedTimeMs])).toEqual(
      want.map(([id, t, prob, eta]) => [id, t, expect.closeTo(prob, 12), eta]),
    );
  });

  it("sorts by probability, highest first", () => {
    const ad = pat({ id: "seq:a>d", events: ["a", "d"], confidence: 0.9, occurrences: 200 });
    const got = new PatternMatcher().predictNext([{ type: "a" }], [abc, ad]);
    expect(got.map((p) => [p.patternId, p.probability])).toEqual([
      ["seq:a>d", expect.closeTo(0.76, 12)],
      ["seq:a>b>c", expect.closeTo(0.408933, 6)],
    ]);
  });

  it("processEvent predicts over the window after matching", () => {
    const m = new PatternMatcher();
    m.match(ev("1", "a", 0), patterns);
    const { predictions } = m.processEvent(ev("2", "b", 1_000), patterns);
    expect(predictions.map((p) => [p.patternId, p.predictedEventType])).toEqual([["seq:a>b>c", "c"]]);
  });
});

describe("PatternMatcher properties", () => {
  const types = fc.constantFrom("a", "b", "c");
  const patternArb = fc.record({
    events: fc.array(types, { minLength: 1, maxLength: 3 }),
    confidence: fc.double({ min: 0, max: 1, noNaN: true }),
    occurrences: fc.integer({ min: 1, max: 500 }),
    firstSeen: fc.integer({ min: 0, max: 1e6 }),
    lastSeen: fc.integer({ min: 0, max: 1e6 }),
    meta: fc.dictionary(fc.constantFrom("k", "n", "s"), fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom("x", "y"))),
  });
  const eventArb = fc.record({
    type: types,
    ts: fc.integer({ min: 0, max: 1e6 }),
    meta: fc.dictionary(fc.constantFrom("k", "n", "s"), fc.oneof(fc.integer({ min: -50, max: 50 }), fc.constantFrom("x", "y"))),
  });

  it("similarity and probability ∈ [0, 1]; ETAs are whole ms ≥ 0; same inputs → same outputs", () => {
    fc.assert(
      fc.property(fc.array(patternArb, { maxLength: 5 }), fc.array(eventArb, { maxLength: 15 }), (ps, es) => {
        const patterns = ps.map((p, k) =>
          pat({
            id: `p${k}`,
            events: p.events,
            confidence: p.confidence,
            occurrences: p.occurrences,
            firstSeen: p.firstSeen,
            lastSeen: p.lastSeen,
            metadata: p.meta,
          }),
        );
        const events = es.map((e, k) => ev(`e${k}`, e.type, e.ts, e.meta));
        const runOnce = () => {
          const m = new PatternMatcher({ matchThreshold: 0 });
          return events.map((e) => m.processEvent(e, patterns));
        };
        const out = runOnce();
        for (const { matches, predictions } of out) {
          for (const x of matches) {
            expect(x.similarity).toBeGreaterThanOrEqual(0);
            expect(x.similarity).toBeLessThanOrEqual(1);
          }
          for (const p of predictions) {
            expect(p.probability).toBeGreaterThanOrEqual(0);
            expect(p.probability).toBeLessThanOrEqual(1);
            expect(Number.isInteger(p.expectedTimeMs) && p.expectedTimeMs >= 0).toBe(true);
          }
        }
        expect(runOnce()).toEqual(out);
      }),
      { numRuns: 150 },
    );
  });
});
