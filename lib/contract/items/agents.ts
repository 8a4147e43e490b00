// The agents of a swarm as GET /swarms/{swarm}/agents and /agents/{agent} answer (extension of docs/contract.md#read-and-act).
import type { FailureItem } from "./failures";
import type { HealingItem } from "./healings";

/** An agent found down by its silence (docs/decisions.md#d30): silent for `silent_for_ms`, expected every `expected_every_ms`. */
export type AgentSilence = {
  silent_for_ms: number;
  expected_every_ms: number;
  silent_intervals: number;
  last_heard_at: string | null;
  detected_at: string | null;
};

/** One agent row, with ages measured when the answer was made. */
export type AgentItem = {
  id: string;
  /** "down": found down by its silence (see `silence`). */
  state: "active" | "idle" | "busy" | "failed" | "down";
  health_state: string | null;
  health_score: number;
  current_tasks: number;
  tasks: number;
  success_rate: number | null;
  p95_duration_ms: number | null;
  last_seen_at: string | null;
  last_heartbeat_at: string | null;
  heartbeat_age_ms: number | null;
  circuit_state: "closed" | "open" | "half_open" | null;
  /** Why the agent is down by its silence, or null when it is not. */
  silence: AgentSilence | null;
};

/** The swarm's degradation level (0 FULL … 4 MINIMAL), null when the strategy is not configured. */
export type Degradation = { level: number; name: string } | null;

/** GET /swarms/{swarm}/agents. */
export type AgentList = { items: AgentItem[]; degradation: Degradation; generated_at: string };

/** GET /swarms/{swarm}/agents/{agent}: the live row (null once the engine forgot it), failures and healings aimed at it. */
export type AgentDetail = { agent: AgentItem | null; degradation: Degradation; failures: FailureItem[]; healings: HealingItem[] };
