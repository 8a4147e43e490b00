// MTTR series over rollup rows (gaps as null), and raw records rolled up the way rollup rows must be written.
import { describe, expect, it } from "vitest";
import { BUCKET_MS, MAX_SERIES_BUCKETS, mttrSeries, rollupRecords } from "./mttr-series";
import { MIN, T0, result } from "./test-records";
import type { HealingRollup } from "./types";

const HOUR = 60 * MIN;
const row = (bucketStart: number, r: Partial<HealingRollup> = {}): HealingRollup => ({
  bucketStart,
  healings: 0,
  healingsSucceeded: 0,
  healMsSum: 0,
  recoveryMsSum: 0,
  recoveries: 0,
  failures: 0,
  ...r,
});

describe("rollupRecords (golden)", () => {
  it("buckets results by finish time and failures by detection time, oldest first", () => {
    const records = [
      result(T0 + 30_000, true, { healMs: 100, recoveryMs: 2_000 }),
      result(T0 + 59_999, false, { healMs: 300, recoveryMs: null }),
      result(T0 + 3 * MIN, true, { healMs: 50, recoveryMs: 500 }),
      result(T0 + MIN, true, { status: "running", finishedAt: null }),
    ];
    expect(rollupRecords(records, [{ detectedAt: T0 + 10 }, { detectedAt: T0 + MIN + 5 }], "minute")).toEqual([
      row(T0, { healings: 2, healingsSucceeded: 1, healMsSum: 400, recoveryMsSum: 2_000, recoveries: 1, failures: 1 }),
      row(T0 + MIN, { failures: 1 }),
      row(T0 + 3 * MIN, { healings: 1, healingsSucceeded: 1, healMsSum: 50, recoveryMsSum: 500, recoveries: 1 }),
    ]);
  });
});

describe("mttrSeries", () => {
  it("returns every bucket in [from, to), with null MTTR and success rate where nothing was measured", () => {
    const rows = [
      row(T0, { healings: 2, healingsSucceeded: 1, recoveryMsSum: 3_000, recoveries: 1, failures: 2 }),
      row(T0 + 2 * MIN, { healings: 1, failures: 1 }),
    ];
    expect(mttrSeries(rows, { from: T0, to: T0 + 4 * MIN, bucket: "minute" })).toEqual([
      { bucket_start: T0, mttr_ms: 3_000, avg_heal_ms: 0, healings: 2, failures: 2, success_rate: 0.5 },
      { bucket_start: T0 + MIN, mttr_ms: null, avg_heal_ms: null, healings: 0, failures: 0, success_rate: null },
      { bucket_start: T0 + 2 * MIN, mttr_ms: null, avg_heal_ms: 0, healings: 1, failures: 1, success_rate: 0 },
      { bucket_start: T0 + 3 * MIN, mttr_ms: null, avg_heal_ms: null, healings: 0, failures: 0, success_rate: null },
    ]);
  });

  it("sums finer rows into coarser buckets before dividing", () => {
    const rows = [
      row(T0 + 5 * MIN, { healings: 1, healingsSucceeded: 1, healMsSum: 100, recoveryMsSum: 1_000, recoveries: 1 }),
      row(T0 + 50 * MIN, { healings: 3, healingsSucceeded: 3, healMsSum: 700, recoveryMsSum: 9_000, recoveries: 3 }),
    ];
    expect(mttrSeries(rows, { from: T0, to: T0 + HOUR, bucket: "hour" })).toEqual([
      { bucket_start: T0, mttr_ms: 2_500, avg_heal_ms: 200, healings: 4, failures: 0, success_rate: 1 },
    ]);
  });

  it("aligns the first bucket down but only reads rows that start inside [from, to)", () => {
    const rows = [row(T0, { healings: 7 }), row(T0 + 20 * MIN, { healings: 1 }), row(T0 + 2 * HOUR, { healings: 9 })];
    expect(mttrSeries(rows, { from: T0 + 10 * MIN, to: T0 + 2 * HOUR, bucket: "hour" }).map((p) => [p.bucket_start, p.healings])).toEqual([
      [T0, 1],
      [T0 + HOUR, 0],
    ]);
  });

  it("day buckets start at UTC midnight", () => {
    const points = mttrSeries([], { from: T0 + 5 * HOUR, to: T0 + 49 * HOUR, bucket: "day" });
    expect(points.map((p) => p.bucket_start)).toEqual([T0, T0 + BUCKET_MS.day, T0 + 2 * BUCKET_MS.day]);
  });

  it.each([
    [T0, T0],
    [T0 + MIN, T0],
  ])("an empty range (%i → %i) has no buckets", (from, to) => {
    expect(mttrSeries([row(T0, { healings: 1 })], { from, to, bucket: "minute" })).toEqual([]);
  });

  it("D3: refuses a series longer than the bucket cap", () => {
    expect(() => mttrSeries([], { from: T0, to: T0 + (MAX_SERIES_BUCKETS + 1) * MIN, bucket: "minute" })).toThrow(RangeError);
    expect(mttrSeries([], { from: T0, to: T0 + MAX_SERIES_BUCKETS * MIN, bucket: "minute" })).toHaveLength(MAX_SERIES_BUCKETS);
  });
});
