// Golden series for each family: timed events in → exact patterns out (reference §5.3, D2, D9).
import { describe, expect, it } from "vitest";
import { correlationPatterns } from "./correlation-patterns";
import { frequencyPatterns } from "./frequency-patterns";
import { type Pattern, type TimedType, learnOptions } from "./pattern";
import { sequencePatterns } from "./sequence-patterns";
import { temporalPatterns, utcHour } from "./temporal-patterns";

const T0 = Date.UTC(2025, 0, 6, 9, 0, 0);
const S = 1000;
const at = (types: string[], stepMs = S): TimedType[] => types.map((type, i) => ({ type, ts: T0 + i * stepMs }));
const close = (v: number) => expect.closeTo(v, 6) as unknown as number;
const byTime = (h: TimedType[]) => [...h].sort((x, y) => x.ts - y.ts);

describe("sequence family (golden)", () => {
  it.each<[string, TimedType[], number, Partial<Pattern>[]]>([
    [
      "regular repeats: x y x y x y z",
      at(["x", "y", "x", "y", "x", "y", "z"]),
      2,
      [
        { id: "seq:x>y", confidence: close(0.7 * (3 / 6) + 0.3 * 1), occurrences: 3, firstSeen: T0, lastSeen: T0 + 4 * S, metadata: { ngram_size: 2, sequence: ["x", "y"] } },
        { id: "seq:y>x", confidence: close(0.7 * (2 / 6) + 0.3 * 0.5), occurrences: 2, firstSeen: T0 + S, lastSeen: T0 + 3 * S },
        { id: "seq:x>y>x", confidence: close(0.7 * (2 / 5) + 0.3 * 0.5), occurrences: 2, firstSeen: T0, lastSeen: T0 + 2 * S },
        { id: "seq:y>x>y", confidence: close(0.7 * (2 / 5) + 0.3 * 0.5), occurrences: 2, firstSeen: T0 + S, lastSeen: T0 + 3 * S },
      ],
    ],
    [
      "irregular gaps [2, 4]: consistency 1 − √2 / 3",
      at(["x", "y", "x", "y", "z", "z", "x", "y"]),
      3,
      [{ id: "seq:x>y", events: ["x", "y"], confidence: close(0.7 * (3 / 7) + 0.3 * (1 - Math.SQRT2 / 3)), occurrences: 3, firstSeen: T0, lastSeen: T0 + 6 * S }],
    ],
  ])("%s", (_label, history, minOccurrences, expected) => {
    const got = sequencePatterns(history, learnOptions({ minOccurrences }));
    expect(got).toHaveLength(expected.length);
    expected.forEach((e, k) => expect(got[k]).toMatchObject({ type: "sequence", ...e }));
  });

  it("describes the sequence", () => {
    expect(sequencePatterns(at(["x", "y", "x", "y"]), learnOptions({ minOccurrences: 2 }))[0]?.description).toBe("Sequence: x → y (occurs 2 times)");
  });
});

describe("frequency family (golden)", () => {
  const series = (type: string, seconds: number[]) => seconds.map((s) => ({ type, ts: T0 + s * S }));

  it("emits regular types only, with the mean interval and regularity", () => {
    const history = byTime([
      ...series("h", [0, 30, 60, 90, 120]),
      ...series("j", [0, 10, 50, 60, 100]),
      ...series("k", [0, 20, 40, 65, 80]),
      ...series("m", [0, 1, 2, 3]),
    ]);
    const kReg = 1 - Math.sqrt(50 / 3) / 20;
    expect(frequencyPatterns(history, learnOptions())).toEqual([
      {
        id: "freq:h",
        type: "frequency",
        description: "Frequency: h occurs every ~30.0s (regularity: 1.00)",
        events: ["h"],
        confidence: 1,
        occurrences: 5,
        intervalMs: 30_000,
        firstSeen: T0,
        lastSeen: T0 + 120 * S,
        metadata: { avg_interval_seconds: 30, regularity_score: 1 },
      },
      {
        id: "freq:k",
        type: "frequency",
        description: "Frequency: k occurs every ~20.0s (regularity: 0.80)",
        events: ["k"],
        confidence: close(kReg),
        occurrences: 5,
        intervalMs: 20_000,
        firstSeen: T0,
        lastSeen: T0 + 80 * S,
        metadata: { avg_interval_seconds: 20, regularity_score: close(kReg) },
      },
    ]);
  });

  it("takes intervals in history order, not re-sorted (out-of-order times lower the regularity to 0)", () => {
    const history = series("u", [0, 60, 30, 90, 120]);
    expect(frequencyPatterns(history, learnOptions())).toEqual([]);
    expect(frequencyPatterns(history, learnOptions({ minRegularity: 0 }))[0]).toMatchObject({ confidence: 0, intervalMs: 30_000, firstSeen: T0, lastSeen: T0 + 120 * S });
  });

  it("scores a single interval 0.5 (neutral)", () => {
    expect(frequencyPatterns(series("w", [0, 45]), learnOptions({ minOccurrences: 2, minRegularity: 0.5 }))[0]).toMatchObject({ id: "freq:w", confidence: 0.5, intervalMs: 45_000 });
  });
});

describe("correlation family (golden, D9 uncapped lift)", () => {
  /** 6 cycles a minute apart: p, q (+2 s), r (+45 s); the first 3 cycles add a lone p at +30 s. */
  const cycles = byTime(
    Array.from({ length: 6 }, (_, k) => [
      { type: "p", ts: T0 + k * 60 * S },
      { type: "q", ts: T0 + k * 60 * S + 2 * S },
      { type: "r", ts: T0 + k * 60 * S + 45 * S },
      ...(k < 3 ? [{ type: "p", ts: T0 + k * 60 * S + 30 * S }] : []),
    ]).flat(),
  );

  it("D9: lift 6 / (9 · 6 / 21) = 2.33 fires with confidence 7/9 (a capped lift of 1 never would)", () => {
    expect(correlationPatterns(cycles, learnOptions())).toEqual([
      {
        id: "corr:p+q",
        type: "correlation",
        description: "Correlation: p + q (co-occur 6 times, strength: 2.33)",
        events: ["p", "q"],
        confidence: close(7 / 9),
        occurrences: 6,
        firstSeen: T0,
        lastSeen: T0 + 5 * 60 * S,
        metadata: { correlation_strength: close(7 / 3), time_window_seconds: 10 },
      },
    ]);
  });

  it("D9: counts same-type pairs (6 z within 5 s → 15 pairs, lift 15, confidence 1)", () => {
    const history = [...at(Array(6).fill("z")), ...Array.from({ length: 30 }, (_, k) => ({ type: "n", ts: T0 + (k + 1) * 60 * S }))];
    expect(correlationPatterns(history, learnOptions())).toEqual([
      expect.objectContaining({ id: "corr:z+z", events: ["z", "z"], occurrences: 15, confidence: 1, firstSeen: T0, lastSeen: T0 + 4 * S, metadata: { correlation_strength: 15, time_window_seconds: 10 } }),
    ]);
  });

  it("does not fire below lift 1.5 (8 co-occurrences where 15 are expected)", () => {
    const history = byTime(
      Array.from({ length: 30 }, (_, k) => [
        { type: "p", ts: T0 + k * 60 * S },
        { type: "q", ts: T0 + k * 60 * S + (k < 8 ? 5 : 30) * S },
      ]).flat(),
    );
    expect(correlationPatterns(history, learnOptions())).toEqual([]);
  });

  it("does not fire below minOccurrences", () => {
    expect(correlationPatterns(cycles, learnOptions({ minOccurrences: 7 }))).toEqual([]);
  });

  it("pairs only the maxCorrelationTypes most frequent types (D3)", () => {
    expect(correlationPatterns(cycles, learnOptions({ maxCorrelationTypes: 1 }))).toEqual([]);
    expect(correlationPatterns(cycles, learnOptions({ maxCorrelationTypes: 2 })).map((p) => p.id)).toEqual(["corr:p+q"]);
  });
});

describe("temporal family (golden)", () => {
  const inHour = (hour: number, types: string[]) => types.map((type, i) => ({ type, ts: T0 + (hour - 9) * 3_600_000 + i * 60 * S }));

  it("finds the spike hour and its dominant type", () => {
    const history = [...inHour(9, ["err", "ok", "err", "ok", "err", "ok", "err", "ok", "err", "ok", "err", "err"]), ...inHour(10, ["ok", "ok"]), ...inHour(11, ["ok", "ok"]), ...inHour(12, ["ok", "ok"])];
    expect(temporalPatterns(history, learnOptions())).toEqual([
      {
        id: "temp:9:err",
        type: "temporal",
        description: "Temporal: err spikes at hour 9 (12 events, 2.7x average)",
        events: ["err"],
        confidence: close(12 / 4.5 / 4),
        occurrences: 12,
        firstSeen: T0,
        lastSeen: T0 + 11 * 60 * S,
        metadata: { hour_of_day: 9, spike_ratio: close(12 / 4.5), dominant_event_type: "err" },
      },
    ]);
  });

  it("breaks a dominant-type tie by first appearance", () => {
    const history = [...inHour(9, Array.from({ length: 12 }, (_, i) => (i % 2 ? "err" : "ok"))), ...inHour(10, ["x"]), ...inHour(11, ["x"]), ...inHour(12, ["x"])];
    expect(temporalPatterns(history, learnOptions()).map((p) => p.id)).toEqual(["temp:9:ok"]);
  });

  it.each([
    ["one busy hour only (spike 1)", inHour(9, Array(20).fill("a"))],
    ["a spike hour below minOccurrences", [...inHour(9, Array(4).fill("a")), ...inHour(13, ["b"]), ...inHour(14, ["b"])]],
  ])("emits nothing for %s", (_label, history) => {
    expect(temporalPatterns(history, learnOptions())).toEqual([]);
  });

  it.each([
    [Date.UTC(2025, 0, 1, 0, 0), 0],
    [Date.UTC(2025, 0, 1, 23, 59), 23],
    [-1, 23],
  ])("buckets %i into UTC hour %i", (ts, hour) => {
    expect(utcHour(ts)).toBe(hour);
  });
});
