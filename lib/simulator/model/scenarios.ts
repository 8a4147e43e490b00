// Fault scenarios: what each injects, how it shows in the events, and the commands that heal it.
import { restartAgent } from "./agents";
import { findAgent, isVoter, type Agent, type SimState } from "./state";
import { FAULT } from "./tuning";
import type { FaultRecord, ScenarioName } from "./types";

/** A scenario: effect, signature, event types a fault-free run never raises (may be empty), healing commands. */
export type ScenarioInfo = { description: string; signature: string; signalTypes: readonly string[]; healedBy: readonly string[] };

/** The catalogue of scenarios. */
export const SCENARIOS: Readonly<Record<ScenarioName, ScenarioInfo>> = {
  agent_crash: {
    description: "The target process dies (it stops heartbeating and its running tasks hang).",
    signature: "heartbeat_failed at its next beat, agent_down after 3 missed beats (≤ 15 s), its tasks end in task_failed",
    signalTypes: ["heartbeat_failed", "agent_down"],
    healedBy: ["restart_agent"],
  },
  slow_degradation: {
    description: "The target's task durations grow by 0.05× per second, up to 10×.",
    signature: "high_latency on the target, its task_complete durations > 2× the fleet mean (slow_agent), later task_timeout",
    signalTypes: ["high_latency"],
    healedBy: ["restart_agent", "drain_agent"],
  },
  token_leak: {
    description: "A runaway loop inside the target's tasks burns 0.4 % of the budget per running task-second.",
    signature: "token usage climbs past 80 % (token_warning medium, then high), then resource_exhaustion and only CRITICAL work runs",
    signalTypes: ["token_warning"],
    healedBy: ["restart_agent", "drain_agent", "set_degradation", "pause_tasks"],
  },
  queue_flood: {
    description:
      "Arrivals climb to ×5 over 90 s and hold until the flood ends (after 2 min, or durationMs); the extra work is mostly LOW and BACKGROUND.",
    signature: "queue_metric.queue_depth and resource_snapshot pending_tasks climb, then pass 50 within a minute",
    signalTypes: [],
    healedBy: ["scale_agents", "pause_tasks", "set_degradation"],
  },
  quorum_loss: {
    description: "Just enough voters are partitioned from the consensus network to fall one below the quorum.",
    signature: "quorum_loss at the next round, then consensus_round timeouts (failures plus consensus_failed below half the quorum)",
    signalTypes: ["quorum_loss"],
    healedBy: ["scale_agents", "restart_agent"],
  },
  memory_pressure: {
    description: "The target's memory climbs 0.5 % per second until it is relieved, or crashes it at 100 % (OOM).",
    signature: "degraded heartbeats and memory_pressure from 85 %, resource_metric.memory_usage_percent ≥ 85, then an OOM crash",
    signalTypes: ["memory_pressure"],
    healedBy: ["restart_agent", "set_concurrency", "drain_agent"],
  },
  consensus_timeouts: {
    description: "The target becomes a laggard voter: 75 % of the rounds it votes in time out.",
    signature: "consensus_round result timeout (5,000 ms) in most rounds: a timeout rate far above 10 %",
    signalTypes: [],
    healedBy: ["restart_agent", "drain_agent"],
  },
  flapping_heartbeats: {
    description: "The target alternates heartbeat and heartbeat_failed, never missing three in a row.",
    signature: "heartbeat_failed every other beat on the target, with degraded heartbeats in between and no agent_down",
    signalTypes: ["heartbeat_failed"],
    healedBy: ["restart_agent"],
  },
  control: { description: "No fault: the baseline.", signature: "none", signalTypes: [], healedBy: [] },
};

/** Injects a fault at `at`; returns its record, or null when nothing was injected (control, or no eligible target). */
export function injectFault(state: SimState, scenario: ScenarioName, at: number, target?: string, durationMs?: number): FaultRecord | null {
  if (scenario === "control") return null;
  let targets: Agent[];
  if (scenario === "queue_flood") {
    if (at >= state.floodUntil) state.floodFrom = at;
    state.floodUntil = Math.max(state.floodUntil, at + (durationMs ?? FAULT.floodMs));
    targets = [];
  } else if (scenario === "quorum_loss") {
    targets = partition(state, target);
  } else {
    const agent = pickTarget(state, scenario, target);
    if (!agent) return null;
    targets = [agent];
    const f = agent.faults;
    if (scenario === "agent_crash") f.crashed = true;
    else if (scenario === "slow_degradation") f.slowRate = FAULT.slowdownPerSec;
    else if (scenario === "token_leak") f.tokenLeak = true;
    else if (scenario === "memory_pressure") f.memoryLeak = true;
    else if (scenario === "consensus_timeouts") f.laggard = true;
    else f.flapping = true;
  }
  if (scenario === "quorum_loss" && targets.length === 0) return null;
  const endsAt = scenario === "queue_flood" ? at + (durationMs ?? FAULT.floodMs) : durationMs === undefined ? null : at + durationMs;
  const record: FaultRecord = { id: `fault-${++state.faultSeq}`, scenario, targets: targets.map((a) => a.id), startedAt: at, endsAt };
  state.faults.push(record);
  return { ...record, targets: [...record.targets] };
}

/** Injects scheduled faults that are due, ends faults whose duration is over, and forgets faults that were healed. */
export function faultsTick(state: SimState, t: number): void {
  const { schedule, startMs } = state.opts;
  for (let next = schedule[state.scheduleIndex]; next && startMs + next.at <= t; next = schedule[++state.scheduleIndex]) {
    injectFault(state, next.scenario, t, next.target, next.durationMs);
  }
  for (const f of state.faults) if (f.endsAt !== null && f.endsAt <= t) endFault(state, f, t);
  state.faults = state.faults.filter((f) => (f.endsAt === null || f.endsAt > t) && faultActive(state, f));
}

/** Whether a fault still has an effect. */
function faultActive(state: SimState, f: FaultRecord): boolean {
  if (f.scenario === "queue_flood") return true;
  return f.targets.some((id) => {
    const a = findAgent(state, id);
    return a !== undefined && hasFault(a, f.scenario);
  });
}

/** Whether an agent carries the fault of an agent-scoped scenario. */
function hasFault(a: Agent, scenario: ScenarioName): boolean {
  const x = a.faults;
  switch (scenario) {
    case "agent_crash":
      return x.crashed || a.status === "down";
    case "slow_degradation":
      return x.slowRate > 0;
    case "token_leak":
      return x.tokenLeak;
    case "quorum_loss":
      return x.partitioned;
    case "memory_pressure":
      return x.memoryLeak;
    case "consensus_timeouts":
      return x.laggard;
    case "flapping_heartbeats":
      return x.flapping;
    default:
      return false;
  }
}

/** Lets a fault wear off on its own (its `durationMs` passed): a crashed agent is restarted by its supervisor. */
function endFault(state: SimState, f: FaultRecord, t: number): void {
  for (const id of f.targets) {
    const a = findAgent(state, id);
    if (!a) continue;
    if (f.scenario === "agent_crash" && a.status !== "starting" && (a.faults.crashed || a.status === "down")) restartAgent(state, a, t);
    else if (f.scenario === "slow_degradation") {
      a.faults.slowRate = 0;
      a.slowFactor = 1;
    } else if (f.scenario === "token_leak") a.faults.tokenLeak = false;
    else if (f.scenario === "quorum_loss") a.faults.partitioned = false;
    else if (f.scenario === "memory_pressure") a.faults.memoryLeak = false;
    else if (f.scenario === "consensus_timeouts") a.faults.laggard = false;
    else if (f.scenario === "flapping_heartbeats") a.faults.flapping = false;
  }
}

/** The given target if it is a healthy running agent, else a seeded pick among those without this fault. */
function pickTarget(state: SimState, scenario: ScenarioName, target: string | undefined): Agent | undefined {
  const healthy = (a: Agent) => a.status === "up" && !a.removing && !a.faults.crashed;
  if (target !== undefined) {
    const a = findAgent(state, target);
    return a && healthy(a) ? a : undefined;
  }
  const eligible = state.agents.filter((a) => healthy(a) && !hasFault(a, scenario));
  return eligible.length === 0 ? undefined : eligible[state.rand.int(eligible.length)];
}

/** Partitions just enough voters (the target first, if it votes) to fall one below the quorum. */
function partition(state: SimState, target: string | undefined): Agent[] {
  const voters = state.agents.filter(isVoter);
  const count = Math.min(voters.length, Math.max(1, voters.length - state.opts.requiredQuorum + 1));
  const first = voters.findIndex((a) => a.id === target);
  const chosen: Agent[] = first >= 0 ? voters.splice(first, 1) : [];
  while (chosen.length < count && voters.length > 0) chosen.push(...voters.splice(state.rand.int(voters.length), 1));
  for (const a of chosen) a.faults.partitioned = true;
  return chosen;
}
