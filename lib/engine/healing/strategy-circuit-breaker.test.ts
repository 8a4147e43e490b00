// CircuitBreaker: docs/decisions.md#d21 state-machine table, and a golden series inside a composite with AgentRestart (docs/engine.md#seed-composite).
import { describe, expect, it } from "vitest";
import { StrategyRegistry } from "./registry";
import { complete, ev, failure, harness, play } from "./test-support";
import { agentRestartStrategy } from "./strategy-agent-restart";
import { circuitBreakerStrategy } from "./strategy-circuit-breaker";
import { NEW_CIRCUIT, stepCircuit, type Circuit, type CircuitConfig } from "./strategy-circuit-state";
import { compositeStrategy } from "./strategy-composite";

const cfg: CircuitConfig = { failureThreshold: 3, successThreshold: 2, timeoutMs: 1000, halfOpenMaxCalls: 3 };
const c = (over: Partial<Circuit>): Circuit => ({ ...NEW_CIRCUIT, ...over });

describe("stepCircuit (D21)", () => {
  it.each<[string, Circuit | undefined, "failure" | "success", number, Partial<Circuit>, string]>([
    ["unknown key defaults to zero counters", undefined, "failure", 10, { state: "closed", failures: 1, lastFailureAt: 10 }, "pass"],
    ["unknown key, success: nothing", undefined, "success", 10, { state: "closed", failures: 0 }, "none"],
    ["closed below threshold", c({ failures: 1 }), "failure", 10, { state: "closed", failures: 2 }, "pass"],
    ["closed at threshold opens", c({ failures: 2 }), "failure", 10, { state: "open", failures: 3, lastFailureAt: 10 }, "opened"],
    ["closed ignores successes (reference)", c({ failures: 2 }), "success", 10, { state: "closed", failures: 2 }, "none"],
    [
      "open within timeout fails fast",
      c({ state: "open", failures: 3, lastFailureAt: 0 }),
      "failure",
      999,
      { state: "open", lastFailureAt: 0 },
      "fail_fast",
    ],
    [
      "open after timeout goes half-open",
      c({ state: "open", failures: 3, lastFailureAt: 0 }),
      "failure",
      1000,
      { state: "half_open", failures: 0, halfOpenCalls: 0 },
      "half_opened",
    ],
    ["open ignores successes", c({ state: "open", lastFailureAt: 0 }), "success", 5000, { state: "open" }, "none"],
    [
      "half-open failure re-opens",
      c({ state: "half_open", halfOpenCalls: 1, successes: 1 }),
      "failure",
      50,
      { state: "open", lastFailureAt: 50, successes: 0, halfOpenCalls: 0 },
      "reopened",
    ],
    [
      "half-open success below threshold is a trial call",
      c({ state: "half_open" }),
      "success",
      50,
      { state: "half_open", successes: 1, halfOpenCalls: 1 },
      "none",
    ],
    [
      "half-open closes at the success threshold",
      c({ state: "half_open", successes: 1, halfOpenCalls: 1 }),
      "success",
      50,
      { ...NEW_CIRCUIT },
      "closed",
    ],
  ])("%s", (_name, prev, input, now, next, decision) => {
    const step = stepCircuit(prev, input, now, cfg);
    expect(step.decision).toBe(decision);
    expect(step.next).toMatchObject(next);
  });

  it("D21: half-open re-opens once max trial calls pass without reaching the success threshold", () => {
    const strict = { ...cfg, successThreshold: 5, halfOpenMaxCalls: 2 };
    const one = stepCircuit(c({ state: "half_open" }), "success", 1, strict);
    expect(one.decision).toBe("none");
    const two = stepCircuit(one.next, "success", 2, strict);
    expect(two).toMatchObject({ decision: "reopened", next: { state: "open", lastFailureAt: 2 } });
  });
});

describe("CircuitBreakerStrategy in a composite with AgentRestart", () => {
  it("golden: closed → restart; threshold → drain; open → fail fast; timeout → half-open trial; successes → closed", () => {
    const breaker = circuitBreakerStrategy({ failureThreshold: 2, timeoutMs: 10_000 });
    const registry = new StrategyRegistry();
    registry.registerStrategy(
      compositeStrategy(
        [
          { priority: 2, strategy: agentRestartStrategy() },
          { priority: 1, strategy: breaker },
        ],
        ["agent_down"],
      ),
    );
    const { healer } = harness({ registry, guardrails: { cooldownMs: 0 } });
    const down = (id: string, at: number) => ({ at, failure: failure("agent_down", { id, agentId: "a1", detectedAt: at }) });
    const lines = play(healer, [
      down("f-1", 0),
      ...complete("cmd-1", 100),
      { at: 200, event: ev("heartbeat", { agentId: "a1" }) },
      down("f-2", 1000),
      ...complete("cmd-2", 1100),
      down("f-3", 2000),
      down("f-4", 11_100),
      ...complete("cmd-3", 11_200),
      { at: 11_300, event: ev("heartbeat", { agentId: "a1" }) },
    ]);
    expect(lines.filter((l) => l.includes("healing.finished") || l.includes("pending"))).toEqual([
      't=0 command cmd-1 restart_agent pending {"agent_id":"a1","restore_metadata":true}',
      "t=200 healing.finished h-1 Composite[AgentRestartStrategy] succeeded reason=null heal=100 mttr=200",
      't=1000 command cmd-2 drain_agent pending {"agent_id":"a1","reason":"circuit_open"}',
      "t=1100 healing.finished h-2 Composite[CircuitBreakerStrategy] succeeded reason=null heal=100 mttr=100",
      "t=2000 healing.finished h-3 Composite[CircuitBreakerStrategy] failed reason=circuit open: fail fast (9000 ms remaining) heal=null mttr=null",
      't=11100 command cmd-3 restart_agent pending {"agent_id":"a1","test_mode":true,"circuit_state":"half_open"}',
      "t=11300 healing.finished h-4 Composite[CircuitBreakerStrategy] succeeded reason=null heal=100 mttr=200",
    ]);
    expect(breaker.stateOf("a1")).toBe("half_open");
    healer.observe(ev("task_complete", { agentId: "a1", taskId: "x" }, { result: "success" }), 12_000);
    healer.observe(ev("task_success", { agentId: "a1", taskId: "y" }), 12_500);
    expect(breaker.stateOf("a1")).toBe("closed");
  });

  it("keeps at most maxCircuits circuits (D3) and only heals failures that name an agent", () => {
    const breaker = circuitBreakerStrategy({ maxCircuits: 2 });
    const ctx = { now: 0, view: harness().view, trigger: "detected" as const };
    for (const id of ["a", "b", "c"]) breaker.plan(failure("agent_down", { agentId: id }), ctx);
    expect(breaker.memorySize?.()).toBe(2);
    expect(breaker.canHeal(failure("task_timeout"))).toBe(false);
  });
});
