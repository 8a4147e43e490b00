// BottleneckLifecycle kept across passes (as the detector keeps it) against stepLifecycle from a copied state each
// pass: the same changes and the same order, and `holds` skips only what would change nothing.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sequentialIds, slowAgentFinding } from "./load-fixture";
import { BottleneckLifecycle, stepLifecycle, type LifecycleOptions, type LifecycleState } from "./lifecycle";
import type { Finding } from "./types";

const f = slowAgentFinding;
const opts = (over: Partial<LifecycleOptions> = {}): LifecycleOptions => ({
  holdDownMs: 3000,
  updateImpactDelta: 0.05,
  maxTracked: 4,
  newId: sequentialIds("b"),
  ...over,
});
const names = (changes: ReturnType<BottleneckLifecycle["end"]>) =>
  (["detected", "updated", "resolved"] as const).flatMap((kind) =>
    changes[kind].map((b) => `${kind}:${b.affectedResources[0]}:${b.id}:${b.severity}:${b.resolvedAt}`),
  );

/** One pass of `findings` at `now` through a kept lifecycle, asking `holds` first like the rules do. */
function pass(lifecycle: BottleneckLifecycle, findings: Finding[], now: number): string[] {
  lifecycle.begin(now);
  for (const x of findings)
    if (!lifecycle.holds(`slow_agent:${x.resource}`, x.severity, x.impactScore, x.affectedResources)) lifecycle.report(x);
  return names(lifecycle.end());
}

describe("BottleneckLifecycle kept across passes", () => {
  it.each<[string, Array<[number, Finding[]]>, string[][], string[]]>([
    [
      "steady: nothing changes and the order holds",
      [
        [0, [f("a", "medium", 0.5), f("b", "high", 0.7)]],
        [1000, [f("a", "medium", 0.5), f("b", "high", 0.7)]],
      ],
      [["detected:a:b-1:medium:null", "detected:b:b-2:high:null"], []],
      ["slow_agent:a", "slow_agent:b"],
    ],
    [
      "a cleared identity moves behind this pass's",
      [
        [0, [f("a", "medium", 0.5), f("b", "high", 0.7)]],
        [1000, [f("b", "high", 0.7)]],
      ],
      [["detected:a:b-1:medium:null", "detected:b:b-2:high:null"], []],
      ["slow_agent:b", "slow_agent:a"],
    ],
    [
      "a flap back takes its finding's place again",
      [
        [0, [f("a", "medium", 0.5), f("b", "high", 0.7)]],
        [1000, [f("b", "high", 0.7)]],
        [2000, [f("a", "medium", 0.5), f("b", "high", 0.7)]],
      ],
      [["detected:a:b-1:medium:null", "detected:b:b-2:high:null"], [], []],
      ["slow_agent:a", "slow_agent:b"],
    ],
    [
      "an update replaces the record in place",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, [f("a", "high", 0.7)]],
      ],
      [["detected:a:b-1:medium:null"], ["updated:a:b-1:high:null"]],
      ["slow_agent:a"],
    ],
    [
      "a new identity after a kept one",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, [f("a", "medium", 0.5), f("c", "medium", 0.5)]],
      ],
      [["detected:a:b-1:medium:null"], ["detected:c:b-2:medium:null"]],
      ["slow_agent:a", "slow_agent:c"],
    ],
    [
      "hold-down resolves from the tail",
      [
        [0, [f("a", "medium", 0.5), f("b", "medium", 0.5)]],
        [1000, [f("a", "medium", 0.5)]],
        [4000, [f("a", "medium", 0.5)]],
      ],
      [["detected:a:b-1:medium:null", "detected:b:b-2:medium:null"], [], ["resolved:b:b-2:medium:1000"]],
      ["slow_agent:a"],
    ],
  ])("%s", (_name, steps, expected, order) => {
    const lifecycle = new BottleneckLifecycle(opts());
    expect(steps.map(([now, findings]) => pass(lifecycle, findings, now))).toEqual(expected);
    expect([...lifecycle.state.keys()]).toEqual(order);
  });

  it("holds only an identity it tracks whose grade is no material change", () => {
    const lifecycle = new BottleneckLifecycle(opts());
    pass(lifecycle, [f("a", "medium", 0.5)], 0);
    lifecycle.begin(1000);
    expect(lifecycle.holds("slow_agent:b", "medium", 0.5, ["b"])).toBe(false);
    expect(lifecycle.holds("slow_agent:a", "high", 0.6, ["a"])).toBe(false);
    expect(lifecycle.holds("slow_agent:a", "medium", 0.55, ["a"])).toBe(false);
    expect(lifecycle.holds("slow_agent:a", "medium", 0.5, ["a", "x"])).toBe(false);
    expect(lifecycle.holds("slow_agent:a", "medium", 0.549, ["a"])).toBe(true);
    expect(lifecycle.end()).toEqual({ detected: [], updated: [], resolved: [] });
  });

  it("matches stepLifecycle from a copied state on random scripts (changes, ids and order)", () => {
    const finding = fc.record({
      resource: fc.constantFrom("a", "b", "c", "d", "e", "f"),
      severity: fc.constantFrom("medium" as const, "high" as const),
      impact: fc.constantFrom(0.45, 0.5, 0.58, 0.65, 0.7),
    });
    const script = fc.array(
      fc.record({
        advance: fc.integer({ min: 0, max: 2500 }),
        findings: fc.uniqueArray(finding, { selector: (x) => x.resource, maxLength: 6 }),
      }),
      { maxLength: 40 },
    );
    fc.assert(
      fc.property(script, (steps) => {
        const kept = new BottleneckLifecycle(opts());
        const o = opts();
        let state: LifecycleState = new Map();
        let now = 0;
        for (const step of steps) {
          now += step.advance;
          const findings = step.findings.map((x) => f(x.resource, x.severity, x.impact));
          const stepped = stepLifecycle(state, findings, now, o);
          state = stepped.state;
          expect(pass(kept, findings, now)).toEqual(names(stepped.changes));
          expect([...kept.state.keys()]).toEqual([...state.keys()]);
        }
      }),
      { numRuns: 200 },
    );
  });
});
