// Task flow: Poisson arrivals into the queue, dispatch to free agents by priority, completion, failure and timeout.
import { acceptsWork, emit, findAgent, type Agent, type RunningTask, type SimState } from "./state";
import { RANK, type Task } from "./task-queue";
import { budgetExhausted, charge, spendFactor } from "./tokens";
import { ARRIVAL_MIX, FAULT, FLOOD_MIX, HIGH_LATENCY_RATIO, MAX_RETRYABLE, TASK_MS, TASK_TOKENS, WARNING_SPACING_MS } from "./tuning";
import { PRIORITIES } from "./types";

/** Where a task currently is, for retry_task / reassign_task. */
export type TaskLocation =
  { where: "queued"; task: Task } | { where: "running"; task: Task; agent: Agent } | { where: "retryable"; task: Task };

/** Draws this step's arrivals (normal mix, plus a flood's extra work while one lasts) into the queue. */
export function arrivals(state: SimState, t: number, dtSec: number): void {
  const rate = state.opts.arrivalRatePerSec;
  const normal = state.rand.poisson(rate * dtSec);
  const ramp = Math.min(1, Math.max(0, t - state.floodFrom) / FAULT.floodRampMs);
  const extra = t < state.floodUntil ? state.rand.poisson(rate * (FAULT.floodFactor - 1) * ramp * dtSec) : 0;
  for (let i = 0; i < normal + extra; i++) {
    const rank = state.rand.weighted(i < normal ? ARRIVAL_MIX : FLOOD_MIX);
    const task: Task = {
      id: `task-${state.runTag}-${++state.taskSeq}`,
      priority: PRIORITIES[rank] ?? "MEDIUM",
      rank,
      baseMs: Math.round(state.rand.between(TASK_MS[0], TASK_MS[1])),
      baseTokens: Math.round(state.rand.between(TASK_TOKENS[0], TASK_TOKENS[1])),
      createdAt: t,
      attempt: 1,
      pinnedTo: null,
    };
    state.counters.arrived++;
    if (state.degradation >= 1 && task.priority === "BACKGROUND") state.counters.dropped++;
    else if (state.queue.size >= state.opts.maxQueue) state.counters.rejected++;
    else state.queue.add(task);
  }
}

/** Finishes, fails or times out running tasks that are due at `t` (a crashed agent's tasks only time out). */
export function progressTasks(state: SimState, t: number): void {
  for (const agent of state.agents) {
    if (agent.running.length === 0) continue;
    const kept: RunningTask[] = [];
    for (const r of agent.running) {
      if (!agent.faults.crashed && r.endsAt <= t && r.endsAt <= r.timeoutAt) finish(state, agent, r, t);
      else if (r.timeoutAt <= t) timeOut(state, agent, r);
      else kept.push(r);
    }
    agent.running = kept;
  }
}

/** Hands queued tasks to agents with free slots: most urgent open lane first, least-loaded agent first. */
export function dispatch(state: SimState, t: number): void {
  if (state.queue.size === 0) return;
  const exhausted = budgetExhausted(state);
  const open = (rank: number) => (state.pausedFrom === null || rank < state.pausedFrom) && (!exhausted || rank === 0);
  const pinValid = (id: string) => {
    const a = findAgent(state, id);
    return a !== undefined && a.status === "up" && !a.draining && !a.removing;
  };
  const candidates = state.agents.filter(acceptsWork);
  while (candidates.length > 0 && state.queue.size > 0) {
    let best = 0;
    for (let i = 1; i < candidates.length; i++) {
      const a = candidates[i]!;
      const b = candidates[best]!;
      if (a.running.length / a.limit < b.running.length / b.limit) best = i;
    }
    const agent = candidates[best]!;
    const task = state.queue.take(agent.id, open, pinValid);
    if (task) start(state, agent, task, t);
    if (!task || !acceptsWork(agent)) candidates.splice(best, 1);
  }
}

/** Fails every task on an agent that went down (task_failed, kept for retry). */
export function failRunning(state: SimState, agent: Agent, t: number, error: string): void {
  for (const r of agent.running) {
    state.counters.failed++;
    emit(state, "task_failed", {
      agent_id: agent.id,
      task_id: r.task.id,
      duration_ms: t - r.startedAt,
      result: "failure",
      tokens_used: Math.round(r.leaked),
      metadata: { priority: r.task.priority, attempt: r.task.attempt, error },
    });
    rememberRetryable(state, r.task);
  }
  agent.running = [];
}

/** Puts a task back in the queue (at the head of its lane), optionally pinned to an agent. */
export function requeue(state: SimState, task: Task, pinnedTo: string | null): void {
  state.retryable.delete(task.id);
  state.queue.add({ ...task, attempt: task.attempt + 1, pinnedTo }, true);
}

/** Finds a task in the queue, on an agent, or among recent failures. */
export function findTask(state: SimState, taskId: unknown): TaskLocation | undefined {
  if (typeof taskId !== "string") return undefined;
  const queued = state.queue.find(taskId);
  if (queued) return { where: "queued", task: queued };
  for (const agent of state.agents) {
    const r = agent.running.find((x) => x.task.id === taskId);
    if (r) return { where: "running", task: r.task, agent };
  }
  const failed = state.retryable.get(taskId);
  return failed ? { where: "retryable", task: failed } : undefined;
}

function start(state: SimState, agent: Agent, task: Task, t: number): void {
  const durationMs = Math.max(1, Math.round(task.baseMs * agent.speed * agent.slowFactor));
  agent.running.push({ task, startedAt: t, endsAt: t + durationMs, timeoutAt: t + state.opts.taskTimeoutMs, leaked: 0 });
  state.counters.started++;
  emit(state, "task_start", {
    agent_id: agent.id,
    task_id: task.id,
    metadata: { priority: task.priority, attempt: task.attempt, queue_wait_ms: t - task.createdAt },
  });
}

function finish(state: SimState, agent: Agent, r: RunningTask, t: number): void {
  const durationMs = r.endsAt - r.startedAt;
  const spent = Math.round(r.task.baseTokens * spendFactor(state));
  charge(state, spent);
  const ok = state.rand.chance(agent.reliability);
  const fields = {
    agent_id: agent.id,
    task_id: r.task.id,
    duration_ms: durationMs,
    result: ok ? "success" : "failure",
    tokens_used: spent + Math.round(r.leaked),
    metadata: { priority: r.task.priority, attempt: r.task.attempt, ...(ok ? {} : { error: "model_error" }) },
  };
  if (!ok) {
    state.counters.failed++;
    emit(state, "task_failed", fields);
    rememberRetryable(state, r.task);
    return;
  }
  state.counters.completed++;
  emit(state, "task_complete", fields);
  const fleet = state.fleet;
  if (fleet.samples >= 20 && durationMs > HIGH_LATENCY_RATIO * fleet.meanMs && t - agent.lastLatencyWarnAt >= WARNING_SPACING_MS) {
    agent.lastLatencyWarnAt = t;
    emit(state, "high_latency", {
      agent_id: agent.id,
      task_id: r.task.id,
      duration_ms: durationMs,
      severity: durationMs > 2 * HIGH_LATENCY_RATIO * fleet.meanMs ? "high" : "medium",
      metadata: { fleet_mean_ms: Math.round(fleet.meanMs), ratio: Math.round((durationMs / fleet.meanMs) * 100) / 100 },
    });
  }
  fleet.meanMs = fleet.samples === 0 ? durationMs : fleet.meanMs + 0.05 * (durationMs - fleet.meanMs);
  fleet.samples++;
}

function timeOut(state: SimState, agent: Agent, r: RunningTask): void {
  const { taskTimeoutMs } = state.opts;
  const spent = Math.round(r.task.baseTokens * spendFactor(state) * Math.min(1, taskTimeoutMs / (r.endsAt - r.startedAt)));
  charge(state, spent);
  state.counters.timedOut++;
  emit(state, "task_timeout", {
    agent_id: agent.id,
    task_id: r.task.id,
    timeout_ms: taskTimeoutMs,
    duration_ms: taskTimeoutMs,
    result: "timeout",
    tokens_used: spent + Math.round(r.leaked),
    metadata: { priority: r.task.priority, attempt: r.task.attempt },
  });
  rememberRetryable(state, r.task);
}

function rememberRetryable(state: SimState, task: Task): void {
  state.retryable.delete(task.id);
  state.retryable.set(task.id, { ...task, pinnedTo: null });
  while (state.retryable.size > MAX_RETRYABLE) {
    const oldest = state.retryable.keys().next().value;
    if (oldest === undefined) break;
    state.retryable.delete(oldest);
  }
}

/** Rank of a priority name, or undefined for anything else. */
export function rankOf(priority: unknown): number | undefined {
  return typeof priority === "string" && priority in RANK ? RANK[priority as keyof typeof RANK] : undefined;
}
