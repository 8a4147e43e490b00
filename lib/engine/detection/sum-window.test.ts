// SumWindow: bucketed running sums with late samples and exact expiry.
import { describe, expect, it } from "vitest";
import { firstBucketIndex, SumWindow } from "./sum-window";

describe("SumWindow", () => {
  it("sums samples per bucket and subtracts expired buckets", () => {
    const w = new SumWindow(["n", "sum"] as const, 1000);
    w.add(500, { n: 1, sum: 10 });
    w.add(900, { n: 1, sum: 5 });
    w.add(2500, { n: 1 });
    expect(w.totals).toEqual({ n: 3, sum: 15 });
    expect(w.size).toBe(2);
    w.expire(1);
    expect(w.totals).toEqual({ n: 1, sum: 0 });
    expect(w.size).toBe(1);
  });

  it("puts a late sample into its own bucket in order, so it expires on time", () => {
    const w = new SumWindow(["n"] as const, 1000);
    w.add(5000, { n: 1 });
    w.add(1000, { n: 1 });
    w.add(3000, { n: 1 });
    w.expire(2);
    expect(w.totals.n).toBe(2);
    w.expire(4);
    expect(w.totals.n).toBe(1);
  });

  it("returns exact zeros once empty (no float residue)", () => {
    const w = new SumWindow(["x"] as const, 1000);
    w.add(0, { x: 0.1 });
    w.add(1000, { x: 0.2 });
    w.expire(10);
    expect(w.totals.x).toBe(0);
    expect(w.size).toBe(0);
  });

  it.each([
    [300_000, 300_000, 5000, 0],
    [304_999, 300_000, 5000, 0],
    [305_000, 300_000, 5000, 1],
  ])("first bucket of a window ending at %i (window %i, bucket %i) is %i", (now, windowMs, bucketMs, idx) =>
    expect(firstBucketIndex(now, windowMs, bucketMs)).toBe(idx),
  );
});
