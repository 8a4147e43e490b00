// Agents: creation, registration and removal, per-step dynamics (slowdown, memory, token leak) and heartbeats.
import { emit, type Agent, type SimState } from "./state";
import { failRunning, requeue } from "./tasks";
import { charge, spendFactor } from "./tokens";
import {
  AGENT_MEMORY,
  AGENT_RELIABILITY,
  AGENT_SPEED,
  FAULT,
  HEARTBEAT_MS,
  MEMORY_PER_TASK,
  MEMORY_PRESSURE_PERCENT,
  MISSES_BEFORE_DOWN,
  RESTART_DELAY_MS,
  WARNING_SPACING_MS,
} from "./tuning";

/** Adds a new agent (`agent-NN`) with seeded speed, reliability and baseline memory; it registers at `readyAt`. */
export function createAgent(state: SimState, readyAt: number): Agent {
  const id = `agent-${String(state.nextAgentNo++).padStart(2, "0")}`;
  const memoryBase = state.rand.between(AGENT_MEMORY[0], AGENT_MEMORY[1]);
  const agent: Agent = {
    id,
    speed: state.rand.between(AGENT_SPEED[0], AGENT_SPEED[1]),
    reliability: state.rand.between(AGENT_RELIABILITY[0], AGENT_RELIABILITY[1]),
    limit: state.defaultLimit,
    status: "starting",
    registered: false,
    draining: false,
    removing: false,
    readyAt,
    running: [],
    memoryBase,
    memory: memoryBase,
    leakedMemory: 0,
    slowFactor: 1,
    faults: healthyFaults(),
    missed: 0,
    nextHeartbeatAt: Infinity,
    lastMemoryWarnAt: -Infinity,
    lastLatencyWarnAt: -Infinity,
  };
  state.agents.push(agent);
  return agent;
}

/** Restarts an agent: its work goes back to the queue, its faults clear, and it re-registers after a short delay. */
export function restartAgent(state: SimState, agent: Agent, at: number): void {
  for (const r of agent.running) requeue(state, r.task, null);
  agent.running = [];
  agent.faults = healthyFaults();
  Object.assign(agent, { draining: false, missed: 0, slowFactor: 1, leakedMemory: 0, memory: agent.memoryBase });
  agent.status = "starting";
  agent.readyAt = at + RESTART_DELAY_MS;
  agent.nextHeartbeatAt = Infinity;
}

/** Registers agents whose start-up is over, and unregisters leaving agents once their work is done. */
export function agentLifecycle(state: SimState, t: number): void {
  for (const agent of state.agents) {
    if (agent.status !== "starting" || agent.readyAt > t) continue;
    agent.status = "up";
    agent.missed = 0;
    agent.nextHeartbeatAt = t + HEARTBEAT_MS;
    emit(state, "agent_registered", { agent_id: agent.id, metadata: { concurrency_limit: agent.limit, restart: agent.registered } });
    agent.registered = true;
    heartbeat(state, agent, t);
  }
  state.agents = state.agents.filter((agent) => {
    if (!agent.removing || agent.running.length > 0) return true;
    if (agent.registered) emit(state, "agent_unregistered", { agent_id: agent.id, metadata: { reason: "scaled_down" } });
    return false;
  });
}

/** Advances slowdown, token leak and memory of every running agent by `dtSec`; memory at 100 % crashes it (OOM). */
export function agentDynamics(state: SimState, dtSec: number): void {
  for (const agent of state.agents) {
    if (agent.status !== "up" || agent.faults.crashed) continue;
    const f = agent.faults;
    if (f.slowRate > 0) agent.slowFactor = Math.min(FAULT.maxSlowdown, agent.slowFactor + f.slowRate * dtSec);
    if (f.tokenLeak) {
      const burn = state.opts.tokenBudget * FAULT.tokenLeakPerTaskSec * spendFactor(state) * dtSec;
      for (const r of agent.running) {
        r.leaked += burn;
        charge(state, burn);
      }
    }
    agent.leakedMemory = f.memoryLeak
      ? agent.leakedMemory + FAULT.memoryLeakPerSec * dtSec
      : Math.max(0, agent.leakedMemory - FAULT.memoryReclaimPerSec * dtSec);
    const target = agent.memoryBase + MEMORY_PER_TASK * agent.running.length + agent.leakedMemory;
    agent.memory = Math.min(100, agent.memory + (target - agent.memory) * Math.min(1, dtSec * 0.5));
    if (agent.memory >= 99.5) f.crashed = true;
  }
}

/** Sends due heartbeats; a crashed agent's are missed (heartbeat_failed, then agent_down), a flapping one's alternate. */
export function heartbeats(state: SimState, t: number): void {
  for (const agent of state.agents) {
    if (agent.status !== "up" || agent.nextHeartbeatAt > t) continue;
    agent.nextHeartbeatAt += HEARTBEAT_MS;
    if (agent.faults.crashed || (agent.faults.flapping && agent.missed === 0)) {
      agent.missed++;
      if (agent.missed >= MISSES_BEFORE_DOWN) markDown(state, agent, t);
      else
        emit(state, "heartbeat_failed", {
          agent_id: agent.id,
          health_state: "unresponsive",
          metadata: { missed_heartbeats: agent.missed },
        });
      continue;
    }
    agent.missed = 0;
    heartbeat(state, agent, t);
  }
}

/** Rounded memory % of an agent. */
export const memoryPercent = (a: Agent): number => Math.round(a.memory * 10) / 10;

function heartbeat(state: SimState, agent: Agent, t: number): void {
  const f = agent.faults;
  const degraded = agent.memory >= MEMORY_PRESSURE_PERCENT || agent.slowFactor >= 2 || f.laggard || f.flapping || f.partitioned;
  emit(state, "heartbeat", {
    agent_id: agent.id,
    health_state: degraded ? "degraded" : "healthy",
    metadata: {
      memory_usage_percent: memoryPercent(agent),
      current_tasks: agent.running.length,
      concurrency_limit: agent.limit,
      draining: agent.draining || agent.removing,
    },
  });
  if (agent.memory < MEMORY_PRESSURE_PERCENT || t - agent.lastMemoryWarnAt < WARNING_SPACING_MS) return;
  agent.lastMemoryWarnAt = t;
  emit(state, "memory_pressure", {
    agent_id: agent.id,
    severity: agent.memory >= 95 ? "critical" : agent.memory >= 90 ? "high" : "medium",
    resource_type: "memory",
    current_usage: memoryPercent(agent),
    limit: 100,
    metadata: { memory_usage_percent: memoryPercent(agent) },
  });
}

function markDown(state: SimState, agent: Agent, t: number): void {
  agent.status = "down";
  emit(state, "agent_down", {
    agent_id: agent.id,
    health_state: "down",
    metadata: { missed_heartbeats: agent.missed, reason: "heartbeat_timeout" },
  });
  failRunning(state, agent, t, "agent_down");
}

function healthyFaults(): Agent["faults"] {
  return { crashed: false, slowRate: 0, tokenLeak: false, memoryLeak: false, laggard: false, flapping: false, partitioned: false };
}
