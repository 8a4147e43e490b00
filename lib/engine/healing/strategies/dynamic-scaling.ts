// DynamicScalingStrategy (reference §11.1, D18): adds agents for a queue backlog, Balanced policy by default.
import { pendingTotal } from "../ports";
import { act, decline, isPredicted, type HealingStrategy } from "../strategy";

/** A scaling policy: scale up above `scaleUpAbove` pending tasks, one agent per `tasksPerAgent`, then cool down. */
export type ScalingPolicy = { name: string; scaleUpAbove: number; tasksPerAgent: number; cooldownMs: number };

/** The documented policies (reference §11.1). */
export const SCALING_POLICIES = {
  aggressive: { name: "aggressive", scaleUpAbove: 20, tasksPerAgent: 15, cooldownMs: 10_000 },
  balanced: { name: "balanced", scaleUpAbove: 30, tasksPerAgent: 20, cooldownMs: 20_000 },
  conservative: { name: "conservative", scaleUpAbove: 50, tasksPerAgent: 25, cooldownMs: 30_000 },
} as const satisfies Record<string, ScalingPolicy>;

/** Agents to add (0 = none): need = max(1, ⌊(queue − up) / perAgent⌋), up to the ceiling (the reference adds nothing
 * when the whole need does not fit, which left a large backlog unhealed while there was room for more agents). */
export function scaleUpDelta(policy: ScalingPolicy, queue: number, active: number, maxAgents: number): number {
  if (queue <= policy.scaleUpAbove) return 0;
  const need = Math.max(1, Math.floor((queue - policy.scaleUpAbove) / policy.tasksPerAgent));
  return Math.max(0, Math.min(need, maxAgents - active));
}

/** Options: policy, agent ceiling (50), stability window for verification. */
export type DynamicScalingOptions = { policy: ScalingPolicy; maxAgents: number; stableWindowMs: number };

/** Creates a DynamicScalingStrategy for task_queue_backlog; its guardrail cooldown is the policy's. */
export function dynamicScalingStrategy(options: Partial<DynamicScalingOptions> = {}): HealingStrategy {
  const o: DynamicScalingOptions = { policy: SCALING_POLICIES.balanced, maxAgents: 50, stableWindowMs: 60_000, ...options };
  return {
    name: "DynamicScalingStrategy",
    failureTypes: ["task_queue_backlog"],
    cooldownMs: o.policy.cooldownMs,
    canHeal: (f) => f.failureType === "task_queue_backlog",
    plan(f, { view }) {
      const queue = pendingTotal(view) ?? (typeof f.context.pending_tasks === "number" ? f.context.pending_tasks : 0);
      const active = view.agentCount();
      // A predicted backlog is healed before the queue crosses the policy's line: one agent, if the ceiling allows.
      const delta = scaleUpDelta(o.policy, queue, active, o.maxAgents) || (isPredicted(f) && queue > 0 && active < o.maxAgents ? 1 : 0);
      if (delta === 0) return decline(`no scale-up: queue ${queue}, agents ${active}/${o.maxAgents} (${o.policy.name})`);
      return act(
        [{ kind: "scale_agents", params: { delta, reason: "task_queue_backlog", queue_depth: queue, policy: o.policy.name } }],
        { kind: "stable", windowMs: o.stableWindowMs, condition: { kind: "queue_below", pending: o.policy.scaleUpAbove } },
        [`queue ${queue} > ${o.policy.scaleUpAbove} (${o.policy.name}): add ${delta} agents`],
      );
    },
  };
}
