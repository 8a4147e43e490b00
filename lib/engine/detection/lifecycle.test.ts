// docs/decisions.md#d8 lifecycle as a pure step: detected → updated → resolved with hold-down, one identity per (type, resource).
import { describe, expect, it } from "vitest";
import { sequentialIds, slowAgentFinding } from "./load-fixture";
import { stepLifecycle, type LifecycleOptions, type LifecycleState } from "./lifecycle";
import { RECOMMENDATIONS } from "./recommendations";
import type { Finding } from "./types";

const f = slowAgentFinding;
const opts = (over: Partial<LifecycleOptions> = {}): LifecycleOptions => ({
  holdDownMs: 30_000,
  updateImpactDelta: 0.05,
  maxTracked: 100,
  newId: sequentialIds("b"),
  ...over,
});

/** Runs the step over a script of (time, findings) and lists the changes as "at:kind:resource". */
function script(steps: Array<[number, Finding[]]>, o = opts()): string[] {
  let state: LifecycleState = new Map();
  const log: string[] = [];
  for (const [now, findings] of steps) {
    const r = stepLifecycle(state, findings, now, o);
    state = r.state;
    for (const kind of ["detected", "updated", "resolved"] as const)
      for (const b of r.changes[kind]) log.push(`${now}:${kind}:${b.affectedResources[0]}:${b.id}`);
  }
  return log;
}

describe("stepLifecycle", () => {
  it("creates a full record on detection (recommendations in §4.4 order, resolvedAt null)", () => {
    const { changes } = stepLifecycle(new Map(), [f("a", "medium", 0.5)], 1000, opts());
    expect(changes.detected).toEqual([
      {
        id: "b-1",
        type: "slow_agent",
        severity: "medium",
        impactScore: 0.5,
        affectedResources: ["a"],
        metrics: { agent_id: "a" },
        recommendations: [...RECOMMENDATIONS.slow_agent],
        status: "active",
        detectedAt: 1000,
        updatedAt: 1000,
        resolvedAt: null,
      },
    ]);
  });

  it.each<[string, Array<[number, Finding[]]>, string[]]>([
    [
      "an ongoing condition is not re-created",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, [f("a", "medium", 0.5)]],
      ],
      ["0:detected:a:b-1"],
    ],
    [
      "a severity change is an update with the same id",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, [f("a", "high", 0.6)]],
      ],
      ["0:detected:a:b-1", "1000:updated:a:b-1"],
    ],
    [
      "an impact move below the delta is not an update",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, [f("a", "medium", 0.549)]],
      ],
      ["0:detected:a:b-1"],
    ],
    [
      "an impact move of the delta is an update",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, [f("a", "medium", 0.56)]],
      ],
      ["0:detected:a:b-1", "1000:updated:a:b-1"],
    ],
    [
      "D8 hold-down: false for less than 30 s does not resolve",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, []],
        [30_999, []],
      ],
      ["0:detected:a:b-1"],
    ],
    [
      "D8 hold-down: false for 30 s resolves",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, []],
        [31_000, []],
      ],
      ["0:detected:a:b-1", "31000:resolved:a:b-1"],
    ],
    [
      "D8 hold-down: a flap inside the hold-down keeps the identity and restarts the count",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, []],
        [20_000, [f("a", "medium", 0.5)]],
        [21_000, []],
        [50_000, []],
        [51_000, []],
      ],
      ["0:detected:a:b-1", "51000:resolved:a:b-1"],
    ],
    [
      "a resolved condition that returns is a new bottleneck",
      [
        [0, [f("a", "medium", 0.5)]],
        [1000, []],
        [31_000, []],
        [32_000, [f("a", "medium", 0.5)]],
      ],
      ["0:detected:a:b-1", "31000:resolved:a:b-1", "32000:detected:a:b-2"],
    ],
    [
      "identities are per resource",
      [
        [0, [f("a", "medium", 0.5), f("b", "high", 0.7)]],
        [1000, [f("b", "high", 0.7)]],
        [31_000, [f("b", "high", 0.7)]],
      ],
      ["0:detected:a:b-1", "0:detected:b:b-2", "31000:resolved:a:b-1"],
    ],
  ])("%s", (_name, steps, expected) => expect(script(steps)).toEqual(expected));

  it("stamps a resolution with resolvedAt = first time seen false and updatedAt = now", () => {
    let state: LifecycleState = stepLifecycle(new Map(), [f("a", "medium", 0.5)], 0, opts()).state;
    state = stepLifecycle(state, [], 5000, opts()).state;
    const { changes, state: after } = stepLifecycle(state, [], 35_000, opts());
    expect(changes.resolved[0]).toMatchObject({ status: "resolved", detectedAt: 0, resolvedAt: 5000, updatedAt: 35_000 });
    expect(after.size).toBe(0);
  });

  it("hold-down 0 resolves on the first pass without the condition", () => {
    expect(
      script(
        [
          [0, [f("a", "medium", 0.5)]],
          [1000, []],
        ],
        opts({ holdDownMs: 0 }),
      ),
    ).toEqual(["0:detected:a:b-1", "1000:resolved:a:b-1"]);
  });

  it("D3: beyond maxTracked, the longest-cleared bottlenecks resolve early", () => {
    const o = opts({ maxTracked: 3 });
    let state: LifecycleState = stepLifecycle(new Map(), [f("a", "medium", 0.5), f("b", "medium", 0.5)], 0, o).state;
    state = stepLifecycle(state, [f("b", "medium", 0.5)], 1000, o).state; // a clears at 1 s
    const { changes, state: after } = stepLifecycle(state, [f("c", "medium", 0.5), f("d", "medium", 0.5)], 2000, o); // b clears at 2 s
    expect(changes.resolved.map((b) => [b.affectedResources[0], b.resolvedAt])).toEqual([["a", 1000]]);
    expect([...after.keys()]).toEqual(["slow_agent:c", "slow_agent:d", "slow_agent:b"]);
  });
});
