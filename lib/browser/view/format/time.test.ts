import { describe, expect, it } from "vitest";
import { ageSince, formatAge, formatDuration, formatUntil } from "./time";

describe("formatAge", () => {
  it.each([
    [-5, "0s"],
    [0, "0s"],
    [59_999, "59s"],
    [60_000, "1m 00s"],
    [185_000, "3m 05s"],
    [3_600_000, "1h 00m"],
    [7_800_000, "2h 10m"],
    [90_000_000, "1d 1h"],
  ])("%i ms → %s", (ms, text) => expect(formatAge(ms)).toBe(text));
});

describe("formatDuration", () => {
  it.each([
    [null, "—"],
    [Number.NaN, "—"],
    [849.6, "850 ms"],
    [1_234, "1.2 s"],
    [75_000, "1m 15s"],
  ])("%s → %s", (ms, text) => expect(formatDuration(ms)).toBe(text));
});

describe("ageSince / formatUntil", () => {
  const now = Date.parse("2026-01-01T00:10:00Z");
  it("measures from an ISO instant", () => {
    expect(ageSince("2026-01-01T00:09:30Z", now)).toBe("30s");
    expect(ageSince(null, now)).toBe("—");
  });
  it("counts down, then says overdue", () => {
    expect(formatUntil("2026-01-01T00:11:20Z", now)).toBe("in 1m 20s");
    expect(formatUntil("2026-01-01T00:09:55Z", now)).toBe("overdue by 5s");
  });
});
