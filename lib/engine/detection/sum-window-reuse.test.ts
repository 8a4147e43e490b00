// SumWindow reusing expired buckets: a reused bucket starts from zero, in its right place, whatever came before.
import { describe, expect, it } from "vitest";
import { SPARE_BUCKETS, SumWindow } from "./sum-window";

type Op = ["add", number, number] | ["expire", number];

describe("SumWindow bucket reuse", () => {
  it.each<[string, Op[], { n: number; size: number }]>([
    [
      "a reused bucket starts from zero",
      [
        ["add", 0, 5],
        ["add", 1000, 7],
        ["expire", 1],
        ["add", 2000, 1],
      ],
      { n: 8, size: 2 },
    ],
    [
      "every bucket expired, then refilled",
      [
        ["add", 0, 1],
        ["add", 1000, 2],
        ["add", 2000, 3],
        ["expire", 3],
        ["add", 3000, 4],
        ["add", 4000, 5],
      ],
      { n: 9, size: 2 },
    ],
    [
      "a late sample reuses a bucket in the middle",
      [
        ["add", 0, 1],
        ["add", 1000, 1],
        ["add", 5000, 1],
        ["expire", 1],
        ["add", 3000, 10],
        ["expire", 4],
      ],
      { n: 1, size: 1 },
    ],
    [
      "more expired at once than are kept",
      [
        ...Array.from({ length: SPARE_BUCKETS + 3 }, (_, i): Op => ["add", i * 1000, 1]),
        ["expire", SPARE_BUCKETS + 3],
        ...Array.from({ length: SPARE_BUCKETS + 2 }, (_, i): Op => ["add", (SPARE_BUCKETS + 3 + i) * 1000, 2]),
      ],
      { n: 2 * (SPARE_BUCKETS + 2), size: SPARE_BUCKETS + 2 },
    ],
    [
      "a bucket slides through a long window",
      Array.from({ length: 50 }, (_, i): Op[] => [
        ["add", i * 1000, 1],
        ["expire", i - 2],
      ]).flat(),
      { n: 3, size: 3 },
    ],
  ])("%s", (_name, ops, expected) => {
    const w = new SumWindow(["n"] as const, 1000);
    for (const op of ops) {
      if (op[0] === "add") w.add(op[1], { n: op[2] });
      else w.expire(op[1]);
    }
    expect({ n: w.totals.n, size: w.size }).toEqual(expected);
  });

  it("expires a reused bucket on its new index, not its old one", () => {
    const w = new SumWindow(["n"] as const, 1000);
    w.add(0, { n: 1 });
    w.expire(1);
    w.add(9000, { n: 4 });
    w.expire(9);
    expect(w.totals.n).toBe(4);
    w.expire(10);
    expect([w.totals.n, w.size]).toEqual([0, 0]);
  });
});
