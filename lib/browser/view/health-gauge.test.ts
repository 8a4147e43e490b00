import { describe, expect, it } from "vitest";
import type { HealthTerms } from "@/lib/contract/items/metrics";
import { arcPath, gaugeSegments, healthBand, healthTermsText, mttrLabel, scoreText } from "./health-gauge";

describe("gaugeSegments", () => {
  it("lays the three measured terms back to back, each up to its weight, with the target in force", () => {
    const s = gaugeSegments({ success_points: 40, mttr_points: 12.5, strategy_points: 15, target_mttr_ms: 30_000 });
    expect(s.map((x) => [x.key, x.measured, x.max, x.from, x.to])).toEqual([
      ["success", true, 50, 0, 40],
      ["mttr", true, 30, 40, 52.5],
      ["strategy", true, 20, 52.5, 67.5],
    ]);
    expect(s[0]!.label).toBe("Task success rate");
    expect(s[1]!.label).toBe("MTTR vs 30.0 s target");
  });

  it.each<[string, HealthTerms, [number, number, number]]>([
    [
      "success only: it is worth 100",
      { success_points: 100, mttr_points: null, strategy_points: null, target_mttr_ms: 30_000 },
      [100, 0, 0],
    ],
    [
      "no MTTR yet: success and strategies share 100 as 50:20",
      { success_points: 71.4, mttr_points: null, strategy_points: 14.3, target_mttr_ms: 30_000 },
      [71.4, 0, 28.6],
    ],
    [
      "no tasks: MTTR and strategies share 100 as 30:20",
      { success_points: null, mttr_points: 30, strategy_points: 40, target_mttr_ms: 30_000 },
      [0, 60, 40],
    ],
    [
      "nothing measured: nothing drawn",
      { success_points: null, mttr_points: null, strategy_points: null, target_mttr_ms: 30_000 },
      [0, 0, 0],
    ],
  ])("rescales the maxima of the measured terms: %s", (_, terms, maxima) => {
    const s = gaugeSegments(terms);
    expect(s.map((x) => x.max)).toEqual(maxima);
    expect(s.map((x) => x.measured)).toEqual([terms.success_points, terms.mttr_points, terms.strategy_points].map((p) => p !== null));
  });

  it("clamps each term to its range and treats non-finite as 0", () => {
    const s = gaugeSegments({ success_points: 70, mttr_points: -3, strategy_points: Number.NaN, target_mttr_ms: 500 });
    expect(s.map((x) => x.points)).toEqual([50, 0, 0]);
    expect(s.at(-1)!.to).toBe(50);
  });
});

describe("scoreText", () => {
  it.each([
    [87.4, "87"],
    [0, "0"],
    [null, "no data"],
    [undefined, "no data"],
    [Number.NaN, "no data"],
  ] as const)("%s → %s", (score, text) => expect(scoreText(score)).toBe(text));
});

describe("mttrLabel", () => {
  it.each([
    [500, "MTTR vs 500 ms target"],
    [30_000, "MTTR vs 30.0 s target"],
    [120_000, "MTTR vs 2m 00s target"],
  ])("%d ms → %s", (ms, label) => expect(mttrLabel(ms)).toBe(label));
});

describe("healthBand", () => {
  it.each([
    [100, "good"],
    [80, "good"],
    [79.9, "warn"],
    [50, "warn"],
    [49.9, "bad"],
    [0, "bad"],
  ] as const)("%d → %s", (score, band) => expect(healthBand(score)).toBe(band));
});

describe("arcPath", () => {
  it("runs from the left end over the top to the right end", () => {
    expect(arcPath(0, 100, 10, 50, 50)).toBe("M 40.00 50.00 A 10 10 0 0 1 60.00 50.00");
    expect(arcPath(0, 50, 10, 50, 50)).toBe("M 40.00 50.00 A 10 10 0 0 1 50.00 40.00");
  });
});

describe("healthTermsText", () => {
  it("lists every term with its points of the rescaled maximum, or as not measured", () => {
    expect(healthTermsText({ success_points: 71.4, mttr_points: null, strategy_points: 14.3, target_mttr_ms: 30_000 })).toBe(
      "Task success rate 71.4/71.4 · MTTR vs 30.0 s target not measured · Strategy success rate 14.3/28.6",
    );
    expect(healthTermsText(null)).toBe("No health figures yet");
  });
});
