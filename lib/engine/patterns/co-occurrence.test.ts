// Co-occurrence counting equals the reference's forward scan for any history order; the window end search is exact.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { countCoOccurrences } from "./co-occurrence";
import type { TimedType } from "./pattern";
import { WindowEnds } from "./window-ends";

/** The reference's scan (O(pairs)), restricted to the `keep` types, with the same first/last opener semantics. */
function naive(history: TimedType[], windowMs: number, keep: Set<string>) {
  const out = new Map<string, { a: string; b: string; count: number; firstIdx: number; lastIdx: number }>();
  history.forEach((e1, i) => {
    for (const e2 of history.slice(i + 1)) {
      if (e2.ts - e1.ts > windowMs) break;
      if (!keep.has(e1.type) || !keep.has(e2.type)) continue;
      const [a, b] = [e1.type, e2.type].sort() as [string, string];
      const id = `corr:${a}+${b}`;
      const p = out.get(id) ?? { a, b, count: 0, firstIdx: i, lastIdx: i };
      out.set(id, { ...p, count: p.count + 1, lastIdx: i });
    }
  });
  return out;
}

/** The `k` most frequent types, ties by first appearance. */
function topTypes(history: TimedType[], k: number): Set<string> {
  const counts = new Map<string, number>();
  for (const e of history) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  return new Set([...counts.keys()].sort((x, y) => counts.get(y)! - counts.get(x)!).slice(0, k));
}

const sorted = <V>(m: Map<string, V>) => [...m.entries()].sort(([x], [y]) => (x < y ? -1 : 1));

const historyArb = fc.array(fc.record({ type: fc.constantFrom("a", "b", "c", "d", "e"), ts: fc.integer({ min: 0, max: 40_000 }) }), { maxLength: 80 });
const sortedHistoryArb = historyArb.map((h) => [...h].sort((x, y) => x.ts - y.ts));

describe("countCoOccurrences", () => {
  it.each([
    ["unsorted", historyArb],
    ["time-sorted", sortedHistoryArb],
  ])("matches the reference scan on %s histories, whatever the walk limit and type cap", (_label, arb) => {
    fc.assert(
      fc.property(arb, fc.constantFrom(0, 1, 5_000, 10_000), fc.constantFrom(0, 1, 3, undefined, Infinity), fc.integer({ min: 1, max: 6 }), (history, windowMs, walkLimit, maxTypes) => {
        const expected = naive(history, windowMs, topTypes(history, maxTypes));
        expect(sorted(countCoOccurrences(history, windowMs, maxTypes, walkLimit))).toEqual(sorted(expected));
      }),
      { numRuns: 300 },
    );
  });

  it("counts a 1,000-event burst without enumerating its ~500,000 pairs", () => {
    const history = Array.from({ length: 1_000 }, (_, i) => ({ type: i % 2 ? "a" : "b", ts: i }));
    const pairs = countCoOccurrences(history, 10_000, 64);
    expect(pairs.get("corr:a+a")?.count).toBe(124_750);
    expect(pairs.get("corr:a+b")?.count).toBe(250_000);
    expect(pairs.get("corr:b+b")?.count).toBe(124_750);
  });
});

describe("WindowEnds", () => {
  it("finds the first later event beyond the window, as a linear scan does", () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 1, maxLength: 70 }), fc.nat(), fc.integer({ min: 0, max: 50 }), (ts, from0, windowMs) => {
        const from = from0 % (ts.length + 1);
        const origin = ts[from % ts.length]!;
        let expected = from;
        while (expected < ts.length && ts[expected]! - origin <= windowMs) expected++;
        expect(new WindowEnds(ts).firstBeyond(from, origin, windowMs)).toBe(expected);
      }),
    );
  });
});
