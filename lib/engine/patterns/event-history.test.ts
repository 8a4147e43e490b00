// The bounded history (docs/engine.md#s-5-1, docs/decisions.md#d3).
import { describe, expect, it } from "vitest";
import { EventHistory } from "./event-history";

const fill = (h: EventHistory, n: number) => {
  for (let i = 0; i < n; i++) h.push(`t${i}`, i);
};

describe("EventHistory", () => {
  it.each([
    [100, 100, 100],
    [100, 101, 91],
    [100, 110, 100],
    [100, 111, 91],
    [10_000, 10_001, 9_001],
    [5, 6, 5],
    [1, 7, 1],
  ])("max %i: after %i events holds %i (drops the oldest tenth, at least one — D3)", (max, n, held) => {
    const h = new EventHistory(max);
    fill(h, n);
    expect(h.size).toBe(held);
  });

  it("keeps the newest events, oldest first, across wrap-arounds", () => {
    const h = new EventHistory(10);
    fill(h, 37);
    const got = h.toArray();
    expect(got.map((e) => e.ts)).toEqual(Array.from({ length: got.length }, (_, k) => 37 - got.length + k));
    expect(got.at(-1)).toEqual({ type: "t36", ts: 36 });
  });

  it.each([0, -1, 2.5, Number.NaN])("rejects a max size of %f", (max) => {
    expect(() => new EventHistory(max)).toThrow(RangeError);
  });
});
