import { describe, expect, it } from "vitest";
import { bucketForSpan, resolveRange, toDateTimeLocal } from "./time-range";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const NOW = Date.UTC(2025, 2, 10, 14, 37, 12);

describe("bucketForSpan", () => {
  it.each([
    [15 * MIN, "minute"],
    [HOUR, "minute"],
    [3 * HOUR, "minute"],
    [3 * HOUR + 1, "hour"],
    [DAY, "hour"],
    [7 * DAY, "hour"],
    [8 * DAY + 1, "day"],
    [30 * DAY, "day"],
    [365 * DAY, "day"],
  ] as const)("%d ms → %s buckets", (span, bucket) => {
    expect(bucketForSpan(span)).toBe(bucket);
  });
});

describe("resolveRange", () => {
  it.each([
    ["1h", "minute", 60],
    ["24h", "hour", 24],
    ["7d", "hour", 168],
    ["30d", "day", 30],
  ] as const)("%s ends now in %s buckets, %d of them (the newest partial)", (preset, bucket, count) => {
    const w = resolveRange({ preset }, NOW);
    const size = { minute: MIN, hour: HOUR, day: DAY }[bucket];
    expect(w.bucket).toBe(bucket);
    expect(w.to).toBe(NOW);
    expect(w.from % size).toBe(0);
    expect(Math.ceil((w.to - w.from) / size)).toBe(count);
  });

  it.each([
    [{ from: NOW - 2 * HOUR, to: NOW }, "minute"],
    [{ from: NOW - 2 * DAY, to: NOW }, "hour"],
    [{ from: NOW - 60 * DAY, to: NOW - 30 * DAY }, "day"],
  ] as const)("a custom window keeps its bounds and picks its bucket from its span (%o → %s)", (w, bucket) => {
    expect(resolveRange({ preset: "custom", ...w }, NOW)).toEqual({ ...w, bucket });
  });

  it("a reversed custom window is put in order", () => {
    expect(resolveRange({ preset: "custom", from: NOW, to: NOW - HOUR }, NOW)).toEqual({ from: NOW - HOUR, to: NOW, bucket: "minute" });
  });
});

describe("toDateTimeLocal", () => {
  it.each([NOW, NOW - 45 * DAY, Date.UTC(2024, 11, 31, 23, 59)])("%d round-trips to the minute through the input's local time", (t) => {
    const value = toDateTimeLocal(t);
    expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/);
    expect(new Date(value).getTime()).toBe(Math.floor(t / MIN) * MIN);
  });
});
