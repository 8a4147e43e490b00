// Public types of the simulated swarm: options, fault schedule, commands, results and the snapshot.

/** Task priorities, most urgent first (the resource controller's queue order). */
export const PRIORITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "BACKGROUND"] as const;

/** One task priority. */
export type Priority = (typeof PRIORITIES)[number];

/** An agent's state as the snapshot reports it. */
export type AgentState = "active" | "busy" | "down" | "draining";

/** The fault scenarios; `control` injects nothing (the baseline run). */
export const SCENARIO_NAMES = [
  "agent_crash",
  "slow_degradation",
  "token_leak",
  "queue_flood",
  "quorum_loss",
  "memory_pressure",
  "consensus_timeouts",
  "flapping_heartbeats",
  "control",
] as const;

/** One fault scenario name. */
export type ScenarioName = (typeof SCENARIO_NAMES)[number];

/** A fault on the schedule: `at` ms after the start, on `target` (an agent id) or a seeded pick; `durationMs` ends it unhealed. */
export type ScheduledFault = { at: number; scenario: ScenarioName; target?: string | undefined; durationMs?: number };

/** An injected fault while it lasts; `targets` are the agents it affects (none for a queue flood). */
export type FaultRecord = { id: string; scenario: ScenarioName; targets: string[]; startedAt: number; endsAt: number | null };

/** One emitted event: docs/contract.md#ingest fields in snake_case, `timestamp` = simulated epoch ms, `id` = `<idPrefix>-<seq>`. */
export type SimEvent = Record<string, unknown>;

/** Simulator options; only `seed` and `startMs` are required. */
export type SimulatorOptions = {
  /** PRNG seed: the same seed and the same calls give the same events. */
  seed: number;
  /** Epoch ms at which the simulation starts (integer). */
  startMs: number;
  /** Agents at the start (default 8). */
  agentCount?: number;
  /** Concurrent tasks per agent (default 2). */
  concurrency?: number;
  /** Mean task arrivals per second (default 2.5: about two thirds of the default fleet's capacity). */
  arrivalRatePerSec?: number;
  /** Tokens available per budget period (default 50,000,000: the baseline spends about 45 % of it per hour). */
  tokenBudget?: number;
  /** Budget period: `consumed` resets to 0 every this many ms; null = never refilled (default 1 h). */
  tokenRefillMs?: number | null;
  /** Fraction of the budget already consumed at the start, as if joining mid-period (default 0.2). */
  initialTokenUsage?: number;
  /** Most live agents the resource controller allows (default 2 × agentCount). */
  totalQuotas?: number;
  /** Voters a consensus round needs (default a majority of agentCount). */
  requiredQuorum?: number;
  /** A running task that exceeds this times out (default 30 s). */
  taskTimeoutMs?: number;
  /** Fixed simulation sub-step in ms, 10..1000 (default 250). */
  stepMs?: number;
  /** Faults to inject at given offsets. */
  schedule?: ScheduledFault[];
  /** Prefix of event ids (default `<seed>-<startMs>`, so a replay of the same run dedupes and a new run does not collide). */
  idPrefix?: string;
  /** Most queued tasks: arrivals beyond it are rejected, retries fail (a restart still re-queues its agent's work). Default 2,000. */
  maxQueue?: number;
};

/** The options with every default applied. */
export type ResolvedOptions = Required<Omit<SimulatorOptions, "tokenRefillMs">> & { tokenRefillMs: number | null };

/** A command from Swarm Medic (docs/contract.md#coordinator-link). */
export type SimCommand = { id: string; kind: string; params: Record<string, unknown> };

/** What the coordinator answers for a command. */
export type CommandOutcome = { status: "succeeded" | "failed"; detail: string };

/** One agent in the snapshot. */
export type AgentSummary = { id: string; state: AgentState; runningTasks: number; concurrencyLimit: number; memoryPercent: number };

/** Ground-truth summary of the simulated swarm, for tests, benchmarks and the UI. */
export type SimSnapshot = {
  now: number;
  agents: { total: number; byState: Record<AgentState, number>; list: AgentSummary[] };
  queue: { pending: number; byPriority: Record<Priority, number>; running: number; paused: Priority[] };
  tokens: { totalBudget: number; consumed: number; usagePercent: number; degradationLevel: number };
  consensus: { requiredQuorum: number; voters: number; quorumLost: boolean };
  faults: FaultRecord[];
  counters: {
    arrived: number;
    started: number;
    completed: number;
    failed: number;
    timedOut: number;
    rejected: number;
    dropped: number;
    events: number;
  };
  /** Sizes of every growing structure, to check that memory stays bounded. */
  tracked: { agents: number; queuedTasks: number; runningTasks: number; retryableTasks: number; commandResults: number; faults: number };
};
