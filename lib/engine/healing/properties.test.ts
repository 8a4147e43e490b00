// Property tests: bounded memory under long random streams (docs/decisions.md#d3), determinism (docs/decisions.md#d1), docs/decisions.md#d17 and docs/decisions.md#d19 invariants on outputs.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { StrategyRegistry } from "./registry";
import { agentRestartStrategy } from "./strategy-agent-restart";
import { circuitBreakerStrategy } from "./strategy-circuit-breaker";
import { compositeStrategy } from "./strategy-composite";
import { dynamicScalingStrategy } from "./strategy-dynamic-scaling";
import { gradualDegradationStrategy } from "./strategy-gradual-degradation";
import { quorumRecoveryStrategy } from "./strategy-quorum-recovery";
import { resourceRebalanceStrategy } from "./strategy-resource-rebalance";
import { taskRetryStrategy } from "./strategy-task-retry";
import { agent, ev, failure, harness, queue } from "./test-support";
import type { HealerChange } from "./types";

const TYPES = [
  "agent_down",
  "task_timeout",
  "task_failed",
  "resource_exhaustion",
  "quorum_loss",
  "task_queue_backlog",
  "memory_exhaustion",
];
const STATUSES = ["dispatched", "acknowledged", "succeeded", "failed", "timed_out"] as const;

const op = fc.oneof(
  fc.record({ k: fc.constant("failure" as const), type: fc.constantFrom(...TYPES), n: fc.nat(40), preventive: fc.boolean() }),
  fc.record({
    k: fc.constant("event" as const),
    type: fc.constantFrom("heartbeat", "task_complete", "task_timeout", "task_success"),
    n: fc.nat(40),
  }),
  {
    arbitrary: fc.record({
      k: fc.constant("result" as const),
      back: fc.nat(5),
      status: fc.constantFrom(...STATUSES, "succeeded", "succeeded"),
    }),
    weight: 4,
  },
  fc.record({ k: fc.constant("approve" as const), back: fc.nat(5) }),
  fc.record({ k: fc.constant("tick" as const) }),
);
const step = fc.record({ dt: fc.nat(8_000), op });
type Step = typeof step extends fc.Arbitrary<infer T> ? T : never;

const CAPS = { maxActive: 20, maxAutoPerHour: 30, maxCooldownKeys: 40, tasks: 10, resources: 5, circuits: 10 };
const BOUND = 3 * CAPS.maxActive + CAPS.maxAutoPerHour + CAPS.maxCooldownKeys + CAPS.tasks + CAPS.resources + CAPS.circuits;

function build() {
  const registry = new StrategyRegistry();
  registry.registerStrategy(
    compositeStrategy(
      [
        { priority: 1, strategy: circuitBreakerStrategy({ maxCircuits: CAPS.circuits, failureThreshold: 2 }) },
        { priority: 2, strategy: agentRestartStrategy() },
      ],
      ["agent_down"],
    ),
  );
  registry.registerStrategy(taskRetryStrategy({ maxTasks: CAPS.tasks }));
  registry.registerStrategy(
    compositeStrategy(
      [
        { priority: 1, strategy: resourceRebalanceStrategy() },
        { priority: 2, strategy: gradualDegradationStrategy({ maxResources: CAPS.resources }) },
      ],
      ["resource_exhaustion", "memory_exhaustion"],
    ),
  );
  registry.registerStrategy(quorumRecoveryStrategy());
  registry.registerStrategy(dynamicScalingStrategy());
  const h = harness({
    registry,
    maxActive: CAPS.maxActive,
    guardrails: { maxAutoPerHour: CAPS.maxAutoPerHour, maxCooldownKeys: CAPS.maxCooldownKeys, cooldownMs: 5000 },
  });
  h.view.state.agents = [agent("a1", 0.9), agent("a2", 0.5, "busy", 3)];
  h.view.state.pending = queue(120);
  h.view.state.resources = { memory: 95 };
  return h;
}

/** Runs a stream; checks memory after every step; returns every change in order. */
function run(steps: Step[], onStep: (memory: number) => void = () => {}): HealerChange[] {
  const { healer, port } = build();
  const out: HealerChange[] = [];
  const healings: string[] = [];
  let now = 0;
  for (const { dt, op: o } of steps) {
    now += dt;
    let changes: HealerChange[];
    if (o.k === "failure") {
      const f = failure(o.type, {
        id: `f-${out.length}`,
        agentId: `a${o.n % 12}`,
        taskId: o.type.startsWith("task_") ? `t${o.n}` : null,
        detectedAt: now,
        context: {
          resource_type: `r${o.n % 7}`,
          current_usage: 80 + (o.n % 21),
          limit: 100,
          required_quorum: 3,
          ...(o.preventive ? { predicted: true } : {}),
        },
      });
      changes = healer.onFailure(f, o.preventive ? "preventive" : "detected", now).changes;
    } else if (o.k === "event") changes = healer.observe(ev(o.type, { agentId: `a${o.n % 12}`, taskId: `t${o.n}` }), now);
    else if (o.k === "result") changes = healer.commandResult(`cmd-${Math.max(1, port.issued.length - o.back)}`, { status: o.status }, now);
    else if (o.k === "approve") changes = healer.approve(healings.at(-1 - o.back) ?? "none", now);
    else changes = healer.tick(now);
    for (const c of changes) if (c.type === "healing.proposed") healings.push(c.healing.id);
    out.push(...changes);
    onStep(healer.memorySize());
  }
  return out;
}

describe("SelfHealer properties", () => {
  it("D3: memory stays within a fixed bound, whatever the stream length", () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 500, maxLength: 3000 }), (steps) => {
        let max = 0;
        run(steps, (m) => (max = Math.max(max, m)));
        expect(max).toBeLessThanOrEqual(BOUND);
      }),
      { numRuns: 15 },
    );
  });

  it("D1: the same input stream gives identical outputs", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 400 }), (steps) => {
        expect(JSON.stringify(run(steps))).toBe(JSON.stringify(run(steps)));
      }),
      { numRuns: 30 },
    );
  });

  it("D17/D19: finished healings finish once, with non-negative figures; success means every command of the winning strategy succeeded", () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 600 }), (steps) => {
        const finished = new Set<string>();
        for (const c of run(steps)) {
          if (c.type !== "healing.finished") continue;
          const h = c.healing;
          expect(finished.has(h.id)).toBe(false);
          finished.add(h.id);
          expect(["succeeded", "failed", "cancelled"]).toContain(h.status);
          expect(h.healMs === null || h.healMs >= 0).toBe(true);
          expect(h.recoveryMs === null || h.recoveryMs >= 0).toBe(true);
          expect(h.recoveryMs !== null).toBe(h.status === "succeeded");
          const commands = h.actions.filter((a) => typeof a !== "string");
          if (h.status === "succeeded" && !h.strategy.startsWith("Composite["))
            expect(commands.every((a) => a.status === "succeeded")).toBe(true);
          if (h.status === "succeeded" && commands.length > 0) expect(commands.at(-1)?.status).toBe("succeeded");
        }
      }),
      { numRuns: 30 },
    );
  });
});
