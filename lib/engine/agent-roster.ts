// The operator's view of a swarm's agents: what the swarm state tracks per agent (state, results, heartbeat,
// recent durations) joined with the healing strategies' per-agent state (circuit breaker), the agents found down by
// their silence (docs/decisions.md#d30) and the swarm's degradation level (GradualDegradation), as plain data.
import type { CircuitBreaker, GradualDegradation, HealingStrategy } from "./healing";
import type { SilenceInfo } from "./silence-watch";
import type { AgentDetail } from "./swarm-state";

/** Circuit state of an agent; null when no circuit breaker is configured for the swarm. */
export type AgentCircuit = "closed" | "open" | "half_open" | null;

/** One agent as the agent table shows it. */
export type AgentSummary = {
  id: string;
  /** "down" while the agent is found down by its silence and not heard from since. */
  state: AgentDetail["state"] | "down";
  /** health_state as the agent last reported it (healthy, degraded, unresponsive, ...), or null. */
  healthState: string | null;
  /** docs/engine.md#s-11-3 health score, 0..1. */
  healthScore: number;
  currentTasks: number;
  tasks: number;
  successRate: number | null;
  p95DurationMs: number | null;
  lastSeenAt: number;
  lastHeartbeatAt: number | null;
  circuit: AgentCircuit;
  /** Why the agent is down by its silence (last heard, expected interval, k), or null when it is not. */
  silence: SilenceInfo | null;
};

/** The swarm's service level (GradualDegradation): 0 FULL … 4 MINIMAL; null when the strategy is not configured. */
export type SwarmDegradation = { level: number; name: string } | null;

/** Every agent of a swarm, plus the degradation level they all run at. */
export type AgentRoster = { agents: AgentSummary[]; degradation: SwarmDegradation };

/** The 95th percentile (nearest rank) of the values, or null when there are none. */
export function p95(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)]!;
}

const isBreaker = (s: HealingStrategy): s is CircuitBreaker => typeof (s as Partial<CircuitBreaker>).stateOf === "function";
const isDegradation = (s: HealingStrategy): s is GradualDegradation => typeof (s as Partial<GradualDegradation>).current === "function";

/** Builds the roster from the swarm state's agents, the swarm's strategies and its silent agents, sorted by agent id. */
export function agentRoster(
  agents: readonly AgentDetail[],
  strategies: readonly HealingStrategy[],
  silent: ReadonlyMap<string, SilenceInfo>,
): AgentRoster {
  const breaker = strategies.find(isBreaker);
  const degradation = strategies.find(isDegradation)?.current();
  return {
    degradation: degradation ? { level: degradation.level, name: degradation.name } : null,
    agents: agents
      .map((a) => ({
        id: a.id,
        state: silent.has(a.id) ? ("down" as const) : a.state,
        healthState: a.healthState,
        healthScore: a.healthScore,
        currentTasks: a.currentTasks,
        tasks: a.tasks,
        successRate: a.tasks > 0 ? a.successes / a.tasks : null,
        p95DurationMs: p95(a.recentDurations),
        lastSeenAt: a.lastSeen,
        lastHeartbeatAt: a.heartbeatAt,
        circuit: breaker ? breaker.stateOf(a.id) : null,
        silence: silent.get(a.id) ?? null,
      }))
      .sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0)),
  };
}
