// DynamicScalingStrategy (docs/engine.md#s-11-1, docs/decisions.md#d18): adds agents for a queue backlog, Balanced policy by default.
import { THRESHOLDS } from "../detection/severity-table";
import { pendingTotal, type SwarmView } from "./ports";
import { act, decline, isPredicted, type HealingStrategy } from "./strategy";

/** A scaling policy: scale up above `scaleUpAbove` pending tasks, one agent per `tasksPerAgent`, then cool down. */
export type ScalingPolicy = { name: string; scaleUpAbove: number; tasksPerAgent: number; cooldownMs: number };

/** The documented policies (docs/engine.md#s-11-1). */
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

/** Options: policy, agent ceiling (50; just below 90 % of the swarm's own agent quota when it reports one), stability window for
 * verification, and the queue depth below which the added agents are given back. */
export type DynamicScalingOptions = { policy: ScalingPolicy; maxAgents: number; stableWindowMs: number; scaleDownBelow: number };

/**
 * Creates a DynamicScalingStrategy for task_queue_backlog; its guardrail cooldown is the policy's. It never takes the
 * swarm to its quota's 90 % line (there it declines and says so), and it gives the agents it added
 * back (scale_agents with a negative delta) once the queue has stayed below `scaleDownBelow` for the stability window.
 */
export function dynamicScalingStrategy(options: Partial<DynamicScalingOptions> = {}): HealingStrategy {
  const o: DynamicScalingOptions = {
    policy: SCALING_POLICIES.balanced,
    maxAgents: 50,
    stableWindowMs: 60_000,
    scaleDownBelow: 10,
    ...options,
  };
  /** Agents added by healings whose scale-down has not been issued yet. */
  let added = 0;
  return {
    name: "DynamicScalingStrategy",
    failureTypes: ["task_queue_backlog"],
    cooldownMs: o.policy.cooldownMs,
    canHeal: (f) => f.failureType === "task_queue_backlog",
    plan(f, { view }) {
      const queue = pendingTotal(view) ?? (typeof f.context.pending_tasks === "number" ? f.context.pending_tasks : 0);
      const active = agentsInUse(view);
      const quota = view.agentQuota?.() ?? null;
      const ceiling = quota === null ? o.maxAgents : Math.min(o.maxAgents, belowQuotaLine(quota));
      // A predicted backlog is healed before the queue crosses the policy's line: one agent, if the ceiling allows.
      const delta = scaleUpDelta(o.policy, queue, active, ceiling) || (isPredicted(f) && queue > 0 && active < ceiling ? 1 : 0);
      if (delta === 0) {
        const atQuota = quota !== null && belowQuotaLine(quota) <= o.maxAgents;
        const why =
          active >= ceiling
            ? atQuota
              ? `at the agent quota's headroom line (${active} of ${quota} agents): raise the quota or shed load`
              : `at the agent ceiling (${active}/${ceiling})`
            : `no scale-up needed (${o.policy.name})`;
        return decline(`queue ${queue}, ${why}`);
      }
      added += delta;
      return act(
        [{ kind: "scale_agents", params: { delta, reason: "task_queue_backlog", queue_depth: queue, policy: o.policy.name } }],
        { kind: "stable", windowMs: o.stableWindowMs, condition: { kind: "queue_below", pending: o.policy.scaleUpAbove } },
        [`queue ${queue} > ${o.policy.scaleUpAbove} (${o.policy.name}): add ${delta} agents (${active} → ${active + delta} of ${ceiling})`],
        [{ kind: "scale_agents", params: { delta: -added, reason: "backlog cleared: giving back the agents added for it" } }],
        { kind: "queue_below", pending: o.scaleDownBelow },
      );
    },
    restored(spec) {
      if (spec.kind === "scale_agents") added = 0;
    },
  };
}

/** The most agents a scale-up may reach: just below the line where the detector reports quota_exceeded, so healing a backlog never raises a quota
 * bottleneck of its own (and the swarm keeps room to replace a failed agent). */
function belowQuotaLine(quota: number): number {
  return Math.max(0, Math.ceil(quota * THRESHOLDS.quotaRatio.fires) - 1);
}

/** Agents in use: the engine's live agents, or the swarm's own count when its snapshot says more (agents starting). */
function agentsInUse(view: SwarmView): number {
  const quota = view.agentQuota?.() ?? null;
  const percent = view.resourcePercent("agents");
  const reported = quota !== null && percent !== null ? Math.round((percent / 100) * quota) : 0;
  return Math.max(view.agentCount(), reported);
}
