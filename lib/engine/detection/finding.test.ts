// Rounding of shown metrics: digits kept, -0 as 0, and values too large to scale kept finite (JSON round-trips).
import { describe, expect, it } from "vitest";
import { round } from "./finding";

describe("round", () => {
  it.each([
    { value: 0.123456, digits: 4, expected: 0.1235 },
    { value: 2.5, digits: 0, expected: 3 },
    { value: -0.00001, digits: 2, expected: 0 },
    { value: 17976.931348623162 / 1e-300, digits: 4, expected: 17976.931348623162 / 1e-300 },
    { value: Number.MAX_VALUE, digits: 1, expected: Number.MAX_VALUE },
  ])("round($value, $digits) = $expected", ({ value, digits, expected }) => {
    const r = round(value, digits);
    expect(r).toBe(expected);
    expect(Object.is(r, -0)).toBe(false);
    expect(JSON.parse(JSON.stringify(r))).toBe(r);
  });
});
