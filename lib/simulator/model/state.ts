// The simulated swarm's internal state, shared by the model's parts, with the event emitter and agent predicates.
import { Prng } from "./prng";
import { TaskQueue, type Task } from "./task-queue";
import type { CommandOutcome, FaultRecord, ResolvedOptions, SimEvent, SimulatorOptions } from "./types";

/** A task on an agent; `leaked` counts tokens burnt by a token leak while it ran. */
export type RunningTask = { task: Task; startedAt: number; endsAt: number; timeoutAt: number; leaked: number };

/** Lifecycle of an agent process: starting (registering or restarting), up, or declared down. */
type AgentStatus = "starting" | "up" | "down";

/** Fault flags on one agent; each is cleared by the healing command that ends it. */
type AgentFaults = {
  crashed: boolean;
  slowRate: number;
  tokenLeak: boolean;
  memoryLeak: boolean;
  laggard: boolean;
  flapping: boolean;
  partitioned: boolean;
};

/** One simulated agent. `missed` = consecutive missed heartbeats; `speed` multiplies task durations. */
export type Agent = {
  id: string;
  speed: number;
  reliability: number;
  limit: number;
  status: AgentStatus;
  registered: boolean;
  draining: boolean;
  removing: boolean;
  readyAt: number;
  running: RunningTask[];
  memoryBase: number;
  memory: number;
  leakedMemory: number;
  slowFactor: number;
  faults: AgentFaults;
  missed: number;
  nextHeartbeatAt: number;
  lastMemoryWarnAt: number;
  lastLatencyWarnAt: number;
};

/** Counters of task flow and emitted events. */
type Counters = {
  arrived: number;
  started: number;
  completed: number;
  failed: number;
  timedOut: number;
  rejected: number;
  dropped: number;
  events: number;
};

/** Everything the simulation holds; mutated only by the model's functions. */
export type SimState = {
  opts: ResolvedOptions;
  rand: Prng;
  clock: number;
  out: SimEvent[];
  notices: { type: string; fields: Record<string, unknown> }[];
  agents: Agent[];
  nextAgentNo: number;
  defaultLimit: number;
  queue: TaskQueue;
  taskSeq: number;
  runTag: string;
  retryable: Map<string, Task>;
  tokens: { consumed: number; periodStart: number; warned: number };
  degradation: number;
  pausedFrom: number | null;
  floodUntil: number;
  /** When the current flood began (its arrivals ramp up from here). */
  floodFrom: number;
  consensus: {
    nextRoundAt: number;
    round: number;
    quorumLost: boolean;
    pending: { endsAt: number; fields: Record<string, unknown> } | null;
  };
  fleet: { meanMs: number; samples: number };
  faults: FaultRecord[];
  faultSeq: number;
  scheduleIndex: number;
  commandResults: Map<string, CommandOutcome>;
  counters: Counters;
};

/** Applies the defaults and checks the options; throws a RangeError on a nonsensical value. */
export function resolveOptions(o: SimulatorOptions): ResolvedOptions {
  const agentCount = o.agentCount ?? 8;
  const r: ResolvedOptions = {
    seed: o.seed,
    startMs: o.startMs,
    agentCount,
    concurrency: o.concurrency ?? 2,
    arrivalRatePerSec: o.arrivalRatePerSec ?? 2.5,
    tokenBudget: o.tokenBudget ?? 50_000_000,
    tokenRefillMs: o.tokenRefillMs === undefined ? 3_600_000 : o.tokenRefillMs,
    initialTokenUsage: o.initialTokenUsage ?? 0.2,
    totalQuotas: o.totalQuotas ?? 2 * agentCount,
    requiredQuorum: o.requiredQuorum ?? Math.floor(agentCount / 2) + 1,
    taskTimeoutMs: o.taskTimeoutMs ?? 30_000,
    stepMs: o.stepMs ?? 250,
    schedule: [...(o.schedule ?? [])].sort((a, b) => a.at - b.at),
    idPrefix: o.idPrefix ?? `${o.seed}-${o.startMs}`,
    maxQueue: o.maxQueue ?? 2_000,
  };
  const checks: [boolean, string][] = [
    [Number.isFinite(r.seed), "seed must be a finite number"],
    [Number.isSafeInteger(r.startMs) && r.startMs >= 0, "startMs must be a non-negative integer (epoch ms)"],
    [Number.isInteger(agentCount) && agentCount >= 1 && agentCount <= 1000, "agentCount must be an integer in 1..1000"],
    [Number.isInteger(r.concurrency) && r.concurrency >= 1 && r.concurrency <= 64, "concurrency must be an integer in 1..64"],
    [r.arrivalRatePerSec >= 0 && r.arrivalRatePerSec <= 1000, "arrivalRatePerSec must be in 0..1000"],
    [r.tokenBudget > 0 && Number.isFinite(r.tokenBudget), "tokenBudget must be positive"],
    [r.tokenRefillMs === null || r.tokenRefillMs >= 1000, "tokenRefillMs must be null or at least 1000"],
    [r.initialTokenUsage >= 0 && r.initialTokenUsage <= 1, "initialTokenUsage must be in 0..1"],
    [Number.isInteger(r.totalQuotas) && r.totalQuotas >= agentCount, "totalQuotas must be an integer ≥ agentCount"],
    [Number.isInteger(r.requiredQuorum) && r.requiredQuorum >= 1, "requiredQuorum must be a positive integer"],
    [r.taskTimeoutMs >= 1000, "taskTimeoutMs must be at least 1000"],
    [Number.isInteger(r.stepMs) && r.stepMs >= 10 && r.stepMs <= 1000, "stepMs must be an integer in 10..1000"],
    [r.idPrefix.length >= 1 && r.idPrefix.length <= 100, "idPrefix must be 1..100 characters"],
    [Number.isInteger(r.maxQueue) && r.maxQueue >= 1, "maxQueue must be a positive integer"],
  ];
  for (const [ok, message] of checks) if (!ok) throw new RangeError(message);
  return r;
}

/** A fresh state at the start time (agents are created by the simulator). */
export function createState(opts: ResolvedOptions): SimState {
  return {
    opts,
    rand: new Prng(opts.seed),
    clock: opts.startMs,
    out: [],
    notices: [],
    agents: [],
    nextAgentNo: 1,
    defaultLimit: opts.concurrency,
    queue: new TaskQueue(),
    taskSeq: 0,
    runTag: opts.startMs.toString(36),
    retryable: new Map(),
    tokens: { consumed: Math.round(opts.initialTokenUsage * opts.tokenBudget), periodStart: opts.startMs, warned: 0 },
    degradation: 0,
    pausedFrom: null,
    floodUntil: -Infinity,
    floodFrom: -Infinity,
    consensus: { nextRoundAt: opts.startMs + 10_000, round: 0, quorumLost: false, pending: null },
    fleet: { meanMs: 0, samples: 0 },
    faults: [],
    faultSeq: 0,
    scheduleIndex: 0,
    commandResults: new Map(),
    counters: { arrived: 0, started: 0, completed: 0, failed: 0, timedOut: 0, rejected: 0, dropped: 0, events: 0 },
  };
}

/** Emits one event at the current tick: `id`, `type`, `timestamp`, then the fields (undefined ones left out). */
export function emit(state: SimState, type: string, fields: Record<string, unknown>): void {
  state.counters.events++;
  const event: SimEvent = { id: `${state.opts.idPrefix}-${state.counters.events}`, type, timestamp: state.clock };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) event[key] = value;
  state.out.push(event);
}

/** Queues an event raised by a command; it is emitted at the next tick. */
export function notice(state: SimState, type: string, fields: Record<string, unknown>): void {
  state.notices.push({ type, fields });
}

/** The agent with this id, if registered. */
export function findAgent(state: SimState, id: unknown): Agent | undefined {
  return typeof id === "string" ? state.agents.find((a) => a.id === id) : undefined;
}

/** Counts towards the agent quota: registered, not declared down, not being removed. */
export const isLive = (a: Agent): boolean => a.status !== "down" && !a.removing;

/** Heard from at the last heartbeat: up, and not missing heartbeats. */
export const isResponsive = (a: Agent): boolean => a.status === "up" && a.missed === 0 && !a.faults.crashed;

/** Takes part in consensus: responsive, not draining or leaving, not partitioned from the consensus network. */
export const isVoter = (a: Agent): boolean => isResponsive(a) && !a.draining && !a.removing && !a.faults.partitioned;

/** May receive a new task (as far as the coordinator knows: a crash is noticed at the next missed heartbeat). */
export const acceptsWork = (a: Agent): boolean =>
  a.status === "up" && a.missed === 0 && !a.draining && !a.removing && a.running.length < a.limit;

/** The snapshot's state of an agent. */
export function agentState(a: Agent): "active" | "busy" | "down" | "draining" {
  if (a.status !== "up" || a.faults.crashed) return "down";
  if (a.draining || a.removing) return "draining";
  return a.running.length >= a.limit ? "busy" : "active";
}
