// Rules on the resource gauges: token_exhaustion, quota_exceeded and task_queue_backlog (docs/decisions.md#d5 severities).
import { ratioOf } from "./event-readers";
import { findingOf, round, roundOrNull } from "./finding";
import type { ResourceReading } from "./resource-gauges";
import { gradeQueue, gradeQuotaUsage, gradeTokenUsage, THRESHOLDS } from "./severity-table";
import type { Finding } from "./types";

/** Window figures the resource rules show next to the gauges. */
export type ResourceContext = {
  avgTokensPerTask: number;
  quotaExceededEvents: number;
  resourceExhaustionEvents: number;
};

/** token_exhaustion on ["global"] when consumed / budget ≥ 0.80. */
export function tokenRule(r: ResourceReading, ctx: ResourceContext): Finding | null {
  if (!r.tokens) return null;
  const grade = gradeTokenUsage(r.tokens.ratio);
  if (!grade) return null;
  const { totalBudget, consumed } = r.tokens;
  return findingOf("token_exhaustion", "global", grade, ["global"], {
    total_budget: totalBudget,
    consumed,
    remaining: totalBudget === null || consumed === null ? null : Math.max(totalBudget - consumed, 0),
    usage_ratio: round(r.tokens.ratio, 4),
    avg_tokens_per_task: round(ctx.avgTokensPerTask, 1),
    increasing: r.tokensIncreasing,
    resource_exhaustion_events: ctx.resourceExhaustionEvents,
    threshold: THRESHOLDS.tokenRatio.fires,
  });
}

/** quota_exceeded on ["agents"] when active_agents / total_quotas ≥ 0.90. */
export function quotaRule(r: ResourceReading, ctx: ResourceContext): Finding | null {
  if (!r.totalQuotas || r.activeAgents === null) return null;
  const ratio = ratioOf(r.activeAgents, r.totalQuotas);
  const grade = ratio === undefined ? null : gradeQuotaUsage(ratio);
  if (!grade) return null;
  return findingOf("quota_exceeded", "agents", grade, ["agents"], {
    total_quotas: r.totalQuotas,
    active_agents: r.activeAgents,
    available_slots: Math.max(r.totalQuotas - r.activeAgents, 0),
    pending_tasks: r.pendingTasks,
    quota_usage_ratio: round(ratio ?? 0, 4),
    quota_exceeded_events: ctx.quotaExceededEvents,
    threshold: THRESHOLDS.quotaRatio.fires,
  });
}

/** task_queue_backlog on ["task_queue"] when more than 50 tasks are pending. */
export function queueRule(r: ResourceReading): Finding | null {
  if (r.pendingTasks === null) return null;
  const grade = gradeQueue(r.pendingTasks, r.highPriority);
  if (!grade) return null;
  return findingOf("task_queue_backlog", "task_queue", grade, ["task_queue"], {
    pending_tasks: r.pendingTasks,
    by_priority: r.byPriority,
    high_priority_count: roundOrNull(r.highPriority, 0),
    threshold: THRESHOLDS.queue.fires,
  });
}
