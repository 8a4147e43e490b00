import { describe, expect, it } from "vitest";
import { durationUnit, formatDuration, formatInUnit, formatPercent } from "./format-units";

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [undefined, "—"],
    [Number.NaN, "—"],
    [0, "0 ms"],
    [850, "850 ms"],
    [999.6, "1000 ms"],
    [1_000, "1 s"],
    [1_234, "1.2 s"],
    [45_000, "45 s"],
    [60_000, "1 min"],
    [210_000, "3.5 min"],
    [3_600_000, "1 h"],
    [36 * 3_600_000, "36 h"],
  ])("%s ms → %s", (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe("durationUnit / formatInUnit", () => {
  it.each([
    [0, "ms"],
    [999, "ms"],
    [1_000, "s"],
    [59_999, "s"],
    [60_000, "min"],
    [7_200_000, "h"],
  ] as const)("max %d ms reads in %s", (max, unit) => {
    expect(durationUnit(max)).toBe(unit);
  });

  it.each([
    [1_500, "s", "1.5 s"],
    [250, "s", "0.3 s"],
    [250, "ms", "250 ms"],
    [90_000, "min", "1.5 min"],
  ] as const)("%d ms in %s → %s", (ms, unit, text) => {
    expect(formatInUnit(ms, unit)).toBe(text);
  });
});

describe("formatPercent", () => {
  it.each([
    [null, 0, "—"],
    [0, 0, "0%"],
    [0.7, 0, "70%"],
    [2 / 3, 1, "66.7%"],
    [1, 1, "100%"],
  ])("%s with %d digits → %s", (rate, digits, text) => {
    expect(formatPercent(rate, digits)).toBe(text);
  });
});
