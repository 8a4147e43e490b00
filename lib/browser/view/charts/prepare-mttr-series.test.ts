import { describe, expect, it } from "vitest";
import { bucketLabel } from "./bucket-label";
import type { MttrPoint } from "@/lib/contract/items/analytics";
import { prepareMttrSeries } from "./prepare-mttr-series";

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;
const T0 = Date.UTC(2025, 2, 10, 14, 0, 0);
const point = (t: number, p: Partial<MttrPoint> = {}): MttrPoint => ({
  bucket_start: new Date(t).toISOString(),
  mttr_ms: null,
  avg_heal_ms: null,
  healings: 0,
  failures: 0,
  success_rate: null,
  ...p,
});

describe("prepareMttrSeries", () => {
  it("lists every bucket of the window, a missing or empty bucket as a gap (null), never 0", () => {
    const chart = prepareMttrSeries(
      [point(T0, { mttr_ms: 1_500, avg_heal_ms: 200, healings: 2 }), point(T0 + 2 * MIN, { healings: 0, avg_heal_ms: 0 })],
      { from: T0, to: T0 + 4 * MIN, bucket: "minute" },
      "UTC",
    );
    expect(chart.rows.map((r) => [r.label, r.mttr_ms, r.heal_ms, r.healings])).toEqual([
      ["14:00", 1_500, 200, 2],
      ["14:01", null, null, 0],
      ["14:02", null, null, 0],
      ["14:03", null, null, 0],
    ]);
    expect(chart).toMatchObject({ unit: "s", hasData: true });
  });

  it.each([
    ["a failed healing without recovery: heal time, MTTR gap", { mttr_ms: null, avg_heal_ms: 300, healings: 1 }, null, 300],
    ["a measured zero stays zero", { mttr_ms: 0, avg_heal_ms: 0, healings: 1 }, 0, 0],
    ["a server without avg_heal_ms: heal time is a gap", { mttr_ms: 900, healings: 1 }, 900, null],
  ])("%s", (_name, p, mttr, heal) => {
    const [row] = prepareMttrSeries([point(T0, p)], { from: T0, to: T0 + MIN, bucket: "minute" }, "UTC").rows;
    expect([row!.mttr_ms, row!.heal_ms]).toEqual([mttr, heal]);
  });

  it("aligns the first bucket down and places points by their bucket start", () => {
    const chart = prepareMttrSeries(
      [point(T0 + HOUR, { mttr_ms: 5, healings: 1 })],
      { from: T0 + 10 * MIN, to: T0 + 2 * HOUR, bucket: "hour" },
      "UTC",
    );
    expect(chart.rows.map((r) => [r.t, r.mttr_ms])).toEqual([
      [T0, null],
      [T0 + HOUR, 5],
    ]);
  });

  it.each([
    ["no points", [], false, "ms"],
    ["only empty buckets", [point(T0)], false, "ms"],
    ["minutes of MTTR", [point(T0, { mttr_ms: 120_000, healings: 1 })], true, "min"],
  ] as const)("%s → hasData %s, unit %s", (_name, points, hasData, unit) => {
    expect(prepareMttrSeries(points, { from: T0, to: T0 + HOUR, bucket: "hour" }, "UTC")).toMatchObject({ hasData, unit });
  });

  it("an empty or reversed window has no rows", () => {
    expect(prepareMttrSeries([], { from: T0, to: T0, bucket: "minute" }).rows).toEqual([]);
  });
});

describe("bucketLabel", () => {
  it.each([
    ["minute", HOUR, "14:00"],
    ["hour", DAY, "14:00"],
    ["hour", 7 * DAY, "Mar 10, 14:00"],
    ["day", 30 * DAY, "Mar 10"],
  ] as const)("%s buckets over %d ms → %s", (bucket, span, label) => {
    expect(bucketLabel(T0, bucket, span, "UTC")).toBe(label);
  });
});
