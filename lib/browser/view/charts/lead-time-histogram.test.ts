import { describe, expect, it } from "vitest";
import { leadTimeHistogram, leadTimesOf } from "./lead-time-histogram";

const T = Date.UTC(2025, 2, 10, 12);
const at = (ms: number) => new Date(T + ms).toISOString();

describe("leadTimeHistogram", () => {
  it("lists every bin with a readable label, empty ones at 0", () => {
    expect(leadTimeHistogram([]).map((b) => [b.label, b.count])).toEqual([
      ["< 30 s", 0],
      ["30 s–1 min", 0],
      ["1–2 min", 0],
      ["2–5 min", 0],
      ["5–10 min", 0],
      ["10–30 min", 0],
      ["≥ 30 min", 0],
    ]);
  });

  it.each([
    [0, "< 30 s"],
    [29_999, "< 30 s"],
    [30_000, "30 s–1 min"],
    [60_000, "1–2 min"],
    [299_999, "2–5 min"],
    [1_799_999, "10–30 min"],
    [1_800_000, "≥ 30 min"],
    [86_400_000, "≥ 30 min"],
  ])("%d ms falls in %s (bins are [from, to))", (lead, label) => {
    expect(leadTimeHistogram([lead]).find((b) => b.count === 1)?.label).toBe(label);
  });

  it("counts several values and ignores values outside the edges", () => {
    expect(leadTimeHistogram([5, 10, 25, 70, -1], [0, 20, 50]).map((b) => [b.label, b.count])).toEqual([
      ["< 20 ms", 2],
      ["20–50 ms", 1],
    ]);
  });
});

describe("leadTimesOf", () => {
  it.each([
    ["confirmed", 60_000, [60_000]],
    ["prevented", 30_000, [30_000]],
    ["false_positive", 60_000, []],
    ["rejected", 60_000, []],
    [null, 60_000, []],
    ["confirmed", -5_000, [0]],
  ] as const)("outcome %s with expected − predicted = %d → %o", (outcome, lead, leads) => {
    expect(leadTimesOf([{ predicted_at: at(0), expected_at: at(lead), outcome }])).toEqual(leads);
  });
});
