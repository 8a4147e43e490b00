// The coordinator side: executes Swarm Medic's commands (docs/contract.md#coordinator-link) against the model, idempotently by command id.
import { createAgent, restartAgent } from "./agents";
import { findAgent, isLive, notice, type Agent, type SimState } from "./state";
import { findTask, rankOf, requeue, type TaskLocation } from "./tasks";
import { DEGRADATION_SPEND, MAX_COMMAND_RESULTS, STARTUP_DELAY_MS } from "./tuning";
import { PRIORITIES, type CommandOutcome, type SimCommand } from "./types";

type Handler = (state: SimState, params: Record<string, unknown>, at: number) => CommandOutcome;

const ok = (detail: string): CommandOutcome => ({ status: "succeeded", detail });
const fail = (detail: string): CommandOutcome => ({ status: "failed", detail });

/** Executes a command at `at`; a repeated id returns the first result without acting again (last 1,000 ids kept). */
export function executeCommand(state: SimState, command: SimCommand, at: number): CommandOutcome {
  if (typeof command.id !== "string" || command.id.length === 0) return fail("command id is required");
  const seen = state.commandResults.get(command.id);
  if (seen) return { ...seen };
  const handler = Object.hasOwn(HANDLERS, command.kind) ? HANDLERS[command.kind] : undefined;
  const params = command.params && typeof command.params === "object" ? command.params : {};
  const outcome = handler ? handler(state, params, at) : fail(`unknown command kind "${String(command.kind)}"`);
  state.commandResults.set(command.id, outcome);
  while (state.commandResults.size > MAX_COMMAND_RESULTS) {
    const oldest = state.commandResults.keys().next().value;
    if (oldest === undefined) break;
    state.commandResults.delete(oldest);
  }
  return { ...outcome };
}

const HANDLERS: Record<string, Handler> = {
  restart_agent(state, p, at) {
    const agent = findAgent(state, p.agent_id);
    if (!agent) return fail(`unknown agent ${String(p.agent_id)}`);
    if (agent.removing) return fail(`${agent.id} is being removed`);
    if (agent.status === "starting") return ok(`${agent.id} is already restarting`);
    if (agent.status === "down" && state.agents.filter(isLive).length >= state.opts.totalQuotas) {
      return fail(`agent quota full (${state.opts.totalQuotas}); cannot bring ${agent.id} back`);
    }
    restartAgent(state, agent, at);
    return ok(`restarting ${agent.id}; it re-registers in ${agent.readyAt - at} ms`);
  },

  retry_task(state, p) {
    const loc = findTask(state, p.task_id);
    if (!loc) return fail(`unknown or finished task ${String(p.task_id)}`);
    if (queueFull(state, loc)) return fail(`task queue full (${state.opts.maxQueue})`);
    const pin = p.agent_id === undefined || p.agent_id === null ? null : workableAgent(state, p.agent_id);
    if (pin === undefined) return fail(`agent ${String(p.agent_id)} cannot take work`);
    move(state, loc, pin?.id ?? null);
    return ok(`task ${loc.task.id} re-queued (${loc.task.priority})${pin ? ` for ${pin.id}` : ""}`);
  },

  reassign_task(state, p) {
    const loc = findTask(state, p.task_id);
    if (!loc) return fail(`unknown or finished task ${String(p.task_id)}`);
    const to = workableAgent(state, p.to_agent_id);
    if (!to) return fail(`agent ${String(p.to_agent_id)} cannot take work`);
    if (queueFull(state, loc)) return fail(`task queue full (${state.opts.maxQueue})`);
    move(state, loc, to.id);
    return ok(`task ${loc.task.id} reassigned to ${to.id}`);
  },

  pause_tasks(state, p) {
    const rank = rankOf(p.max_priority);
    if (rank === undefined) return fail(`max_priority must be one of ${PRIORITIES.join(", ")}`);
    state.pausedFrom = rank;
    return ok(`dispatch paused for ${PRIORITIES.slice(rank).join(", ")}`);
  },

  resume_tasks(state) {
    const was = state.pausedFrom;
    state.pausedFrom = null;
    return ok(was === null ? "nothing was paused" : `dispatch resumed for ${PRIORITIES.slice(was).join(", ")}`);
  },

  set_concurrency(state, p) {
    const limit = p.limit === null ? state.opts.concurrency : p.limit;
    if (typeof limit !== "number" || !Number.isInteger(limit) || limit < 1 || limit > 64)
      return fail("limit must be an integer in 1..64 or null");
    const scoped = p.agent_id !== undefined && p.agent_id !== null;
    const agent = scoped ? findAgent(state, p.agent_id) : undefined;
    if (scoped && !agent) return fail(`unknown agent ${String(p.agent_id)}`);
    const targets = agent ? [agent] : state.agents;
    if (!agent) state.defaultLimit = limit;
    for (const a of targets) {
      if (limit < a.limit) a.faults.memoryLeak = false;
      a.limit = limit;
    }
    return ok(`concurrency ${limit} for ${agent ? agent.id : `all ${targets.length} agents`}`);
  },

  scale_agents(state, p, at) {
    const delta = p.delta;
    if (typeof delta !== "number" || !Number.isInteger(delta) || delta === 0 || Math.abs(delta) > 100) {
      return fail("delta must be a non-zero integer in -100..100");
    }
    return delta > 0 ? scaleUp(state, delta, p.reason, at) : scaleDown(state, -delta);
  },

  drain_agent(state, p) {
    const agent = findAgent(state, p.agent_id);
    if (!agent) return fail(`unknown agent ${String(p.agent_id)}`);
    if (agent.status === "down") return fail(`${agent.id} is down`);
    if (agent.draining) return ok(`${agent.id} is already draining`);
    agent.draining = true;
    agent.faults.memoryLeak = false;
    return ok(`${agent.id} draining (${agent.running.length} tasks running)`);
  },

  set_degradation(state, p) {
    const level = p.level;
    if (typeof level !== "number" || !Number.isInteger(level) || level < 0 || level >= DEGRADATION_SPEND.length) {
      return fail(`level must be an integer in 0..${DEGRADATION_SPEND.length - 1}`);
    }
    state.degradation = level;
    const dropped = level >= 1 ? state.queue.drop("BACKGROUND") : 0;
    state.counters.dropped += dropped;
    return ok(
      `degradation level ${level}: token spend ×${DEGRADATION_SPEND[level]}${level >= 1 ? `, ${dropped} BACKGROUND tasks dropped` : ""}`,
    );
  },
};

/** A registered, running agent that accepts work (not draining), or undefined. */
function workableAgent(state: SimState, id: unknown): Agent | undefined {
  const a = findAgent(state, id);
  return a && a.status === "up" && !a.faults.crashed && !a.draining && !a.removing ? a : undefined;
}

/** Whether moving this task into the queue would exceed its capacity (a queued task only changes place). */
function queueFull(state: SimState, loc: TaskLocation): boolean {
  return loc.where !== "queued" && state.queue.size >= state.opts.maxQueue;
}

/** Takes a task off its agent or the queue and re-queues it at the head of its lane, pinned or not. */
function move(state: SimState, loc: TaskLocation, pinnedTo: string | null): void {
  if (loc.where === "running") loc.agent.running = loc.agent.running.filter((r) => r.task !== loc.task);
  if (loc.where === "queued") state.queue.remove(loc.task.id);
  requeue(state, loc.task, pinnedTo);
}

function scaleUp(state: SimState, delta: number, reason: unknown, at: number): CommandOutcome {
  const { totalQuotas } = state.opts;
  const live = state.agents.filter(isLive).length;
  const add = Math.min(delta, totalQuotas - live);
  if (add < delta) {
    notice(state, "quota_exceeded", {
      severity: add === 0 ? "critical" : "high",
      resource_type: "agents",
      current_usage: live,
      limit: totalQuotas,
      metadata: { requested: delta, granted: add, ...(typeof reason === "string" ? { reason } : {}) },
    });
  }
  if (add === 0) return fail(`agent quota full (${live}/${totalQuotas})`);
  // Make room in the registry: forget agents already declared down before adding new ones.
  for (let i = 0; i < state.agents.length && state.agents.length + add > totalQuotas;) {
    const a = state.agents[i]!;
    if (a.status !== "down") i++;
    else {
      state.agents.splice(i, 1);
      notice(state, "agent_unregistered", { agent_id: a.id, metadata: { reason: "replaced" } });
    }
  }
  const ids = Array.from({ length: add }, () => createAgent(state, at + STARTUP_DELAY_MS).id);
  return ok(`adding ${ids.join(", ")}${add < delta ? ` (${add} of ${delta}: quota ${totalQuotas})` : ""}`);
}

function scaleDown(state: SimState, count: number): CommandOutcome {
  const down = state.agents.filter((a) => a.status === "down");
  const live = state.agents.filter(isLive).sort((a, b) => a.running.length - b.running.length || (a.id < b.id ? 1 : -1));
  const removable = [...down, ...live.slice(0, Math.max(0, live.length - 1))].slice(0, count);
  if (removable.length === 0) return fail("cannot remove the last agent");
  for (const a of removable) a.removing = true;
  return ok(`removing ${removable.map((a) => a.id).join(", ")}`);
}
