// Agent health score for load balancing (docs/engine.md#s-11-3), used by TaskRetry to pick a healthy agent.
import type { AgentView } from "./ports";

/** Inputs over the agent's last 60 s of tasks. */
export type AgentHealthInput = { tasks: number; successRate: number; avgDurationMs: number; currentTasks: number };

/** Score 0..1: 0.4·success + 0.3·speed + 0.2·load + 0.1·heartbeat constant; a new agent (no tasks) scores 0.5. */
export function agentHealthScore(a: AgentHealthInput): number {
  if (a.tasks === 0) return 0.5;
  const speed = Math.max(0, 1 - a.avgDurationMs / 3000);
  const load = Math.max(0, 1 - a.currentTasks / 3);
  return Math.min(1, Math.max(0, 0.4 * a.successRate + 0.3 * speed + 0.2 * load + 0.1));
}

/** Minimum score for an agent to take retried work. */
export const HEALTHY_SCORE = 0.4;

/** The healthiest non-failed agent (argmax, ties by id), preferring any agent other than `avoid`; null if none is healthy. */
export function pickHealthyAgent(agents: readonly AgentView[], avoid: string | null): AgentView | null {
  const healthy = agents.filter((a) => a.state !== "failed" && a.healthScore >= HEALTHY_SCORE);
  const best = (list: AgentView[]) =>
    list.reduce<AgentView | null>(
      (b, a) => (!b || a.healthScore > b.healthScore || (a.healthScore === b.healthScore && a.id < b.id) ? a : b),
      null,
    );
  return best(healthy.filter((a) => a.id !== avoid)) ?? best(healthy);
}
