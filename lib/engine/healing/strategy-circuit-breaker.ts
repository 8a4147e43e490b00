// CircuitBreakerStrategy (docs/engine.md#s-9-1, docs/decisions.md#d21): isolates an agent that keeps failing, then lets it back in on trial.
import type { EngineEvent } from "../model/types";
import { agentOf, taskOutcome } from "./event-fields";
import { act, capMap, decline, halt, type HealingStrategy } from "./strategy";
import { CIRCUIT_DEFAULTS, stepCircuit, type Circuit, type CircuitConfig, type CircuitState } from "./strategy-circuit-state";

/** Options: thresholds plus bounds (circuits kept, heartbeat wait for the half-open trial). */
export type CircuitBreakerOptions = CircuitConfig & { maxCircuits: number; verifyTimeoutMs: number };

/** The breaker with read access to its circuits (for the UI and tests). */
export type CircuitBreaker = HealingStrategy & { stateOf(agentId: string): CircuitState };

/**
 * Creates a CircuitBreakerStrategy keyed by agent. Below the threshold it declines (a composite then falls through to
 * e.g. AgentRestart); on opening it drains the agent; while open it fails fast; after the timeout it restarts the agent
 * in test mode (half-open); task successes on that agent close the circuit.
 */
export function circuitBreakerStrategy(options: Partial<CircuitBreakerOptions> = {}): CircuitBreaker {
  const o: CircuitBreakerOptions = { ...CIRCUIT_DEFAULTS, maxCircuits: 1000, verifyTimeoutMs: 60_000, ...options };
  const failureTypes = ["agent_failed", "task_timeout", "execution_error", "agent_down", "heartbeat_failed", "task_failed"];
  const circuits = new Map<string, Circuit>();
  const save = (key: string, c: Circuit) => {
    circuits.delete(key);
    circuits.set(key, c);
    capMap(circuits, o.maxCircuits);
  };
  return {
    name: "CircuitBreakerStrategy",
    failureTypes,
    cooldownMs: 0,
    canHeal: (f) => failureTypes.includes(f.failureType) && f.agentId !== null,
    plan(f, { now }) {
      const agentId = f.agentId ?? "";
      const { next, decision } = stepCircuit(circuits.get(agentId), "failure", now, o);
      save(agentId, next);
      const drain = act([{ kind: "drain_agent", params: { agent_id: agentId, reason: "circuit_open" } }], { kind: "none" }, [
        `circuit state: ${next.state}`,
      ]);
      switch (decision) {
        case "pass":
          return decline(`circuit closed (failure ${next.failures}/${o.failureThreshold})`);
        case "fail_fast":
          return halt(`circuit open: fail fast (${Math.max(0, o.timeoutMs - (now - (next.lastFailureAt ?? now)))} ms remaining)`);
        case "half_opened":
          return act(
            [{ kind: "restart_agent", params: { agent_id: agentId, test_mode: true, circuit_state: "half_open" } }],
            { kind: "agent_heartbeat", agentId, timeoutMs: o.verifyTimeoutMs },
            ["circuit state: half_open"],
          );
        default:
          return drain;
      }
    },
    observe(event: EngineEvent, now: number) {
      const agentId = agentOf(event);
      const c = agentId ? circuits.get(agentId) : undefined;
      if (!agentId || !c || c.state !== "half_open" || taskOutcome(event) !== "success") return;
      save(agentId, stepCircuit(c, "success", now, o).next);
    },
    stateOf: (agentId) => circuits.get(agentId)?.state ?? "closed",
    memorySize: () => circuits.size,
  };
}
