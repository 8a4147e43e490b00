// TaskRetryStrategy (docs/engine.md#s-8-4, docs/decisions.md#d18): re-run the task on a healthy agent with backoff; retry counts expire.
import { pickHealthyAgent } from "./agent-health";
import { act, capMap, decline, type HealingStrategy } from "./strategy";
import type { CommandSpec, Failure } from "./types";

/** Options: retries per task, backoff base, how long a retry count lives, verification timeout. */
export type TaskRetryOptions = {
  maxRetries: number;
  backoffBaseMs: number;
  retryWindowMs: number;
  verifyTimeoutMs: number;
  maxTasks: number;
};

/** Defaults: 3 retries, 1 s base backoff (0, 1 s, 2 s, ...), counts expire 10 min after the last attempt. */
export const TASK_RETRY_DEFAULTS: TaskRetryOptions = {
  maxRetries: 3,
  backoffBaseMs: 1000,
  retryWindowMs: 600_000,
  verifyTimeoutMs: 120_000,
  maxTasks: 1000,
};

/** Delay before attempt k (1-based): none for the first retry, then base × 2^(k−2). */
export const retryBackoffMs = (attempt: number, baseMs: number): number => (attempt <= 1 ? 0 : baseMs * 2 ** (attempt - 2));

/** The retry count in force for a task: an entry older than the window no longer counts (docs/decisions.md#d18). */
export function liveRetryCount(entry: { count: number; lastAt: number } | undefined, now: number, windowMs: number): number {
  return entry && now - entry.lastAt < windowMs ? entry.count : 0;
}

/** The task a failure is about (a prediction names none, so TaskRetry cannot heal it: docs/engine.md#s-7-9). */
const taskIdOf = (f: Failure): string | null => f.taskId ?? (typeof f.context.task_id === "string" ? f.context.task_id : null);

/** Creates a TaskRetryStrategy; its retry map is per instance (per swarm) and bounded. */
export function taskRetryStrategy(options: Partial<TaskRetryOptions> = {}): HealingStrategy {
  const o = { ...TASK_RETRY_DEFAULTS, ...options };
  const failureTypes = ["task_timeout", "task_failed", "execution_error"];
  const retries = new Map<string, { count: number; lastAt: number }>();
  return {
    name: "TaskRetryStrategy",
    failureTypes,
    cooldownMs: 0,
    capExempt: true,
    canHeal: (f) => failureTypes.includes(f.failureType) && taskIdOf(f) !== null,
    plan(f, { now, view }) {
      const taskId = taskIdOf(f) ?? "";
      const count = liveRetryCount(retries.get(taskId), now, o.retryWindowMs);
      if (count >= o.maxRetries) return decline(`max retries exceeded (${count}/${o.maxRetries})`);
      if (view.agentCount() === 0) return decline("no agents available");
      const agent = pickHealthyAgent(view.agents(), f.agentId);
      if (!agent) return decline("no healthy agent available");
      const attempt = count + 1;
      retries.delete(taskId);
      retries.set(taskId, { count: attempt, lastAt: now });
      capMap(retries, o.maxTasks);
      const delayMs = retryBackoffMs(attempt, o.backoffBaseMs);
      const command: CommandSpec =
        f.agentId && agent.id !== f.agentId
          ? { kind: "reassign_task", params: { task_id: taskId, from_agent_id: f.agentId, to_agent_id: agent.id, attempt }, delayMs }
          : { kind: "retry_task", params: { task_id: taskId, agent_id: agent.id, attempt }, delayMs };
      return act([command], { kind: "task_completed", taskId, timeoutMs: o.verifyTimeoutMs }, [
        `retry attempt ${attempt}/${o.maxRetries} on ${agent.id} after ${delayMs} ms`,
      ]);
    },
    memorySize: () => retries.size,
  };
}
