import { describe, expect, it } from "vitest";
import { arcPath, gaugeSegments, healthBand } from "./health-gauge";

describe("gaugeSegments", () => {
  it("lays the three terms back to back", () => {
    const s = gaugeSegments({ success_points: 40, mttr_points: 12.5, strategy_points: 15, target_mttr_ms: 500 });
    expect(s.map((x) => [x.key, x.from, x.to])).toEqual([
      ["success", 0, 40],
      ["mttr", 40, 52.5],
      ["strategy", 52.5, 67.5],
    ]);
    expect(s[1]!.label).toContain("500 ms");
  });

  it("clamps each term to its range and treats non-finite as 0", () => {
    const s = gaugeSegments({ success_points: 70, mttr_points: -3, strategy_points: Number.NaN, target_mttr_ms: 500 });
    expect(s.map((x) => x.points)).toEqual([50, 0, 0]);
    expect(s.at(-1)!.to).toBe(50);
  });
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
