// Recovery evidence (docs/decisions.md#d17, docs/decisions.md#d19, docs/decisions.md#d22): what an event or the swarm view says about a healing's verification or a failure.
import type { EngineEvent } from "../model/types";
import { agentOf, taskOf, taskOutcome } from "./event-fields";
import { pendingTotal, type SwarmView } from "./ports";
import { resourceTypeOf } from "./strategy-resource-rebalance";
import type { Failure, VerificationSpec, ViewCondition } from "./types";

/** An event's verdict on a verification: pass, fail, or nothing to say. */
export type Evidence = "pass" | "fail" | null;

/** Failure types about one agent (healed by acting on that agent). */
export const AGENT_FAILURE_TYPES: ReadonlySet<string> = new Set(["agent_down", "agent_failed", "heartbeat_failed"]);
const TASK_FAILURES = new Set(["task_timeout", "task_failed", "execution_error"]);

/** What an event says about an event-driven verification (a heartbeat, or with `anyEvent` any own event, from the agent; the task's outcome). */
export function eventEvidence(spec: VerificationSpec, event: EngineEvent): Evidence {
  if (spec.kind === "agent_heartbeat")
    return agentOf(event) === spec.agentId &&
      (event.type === "heartbeat" || (spec.anyEvent === true && !AGENT_FAILURE_TYPES.has(event.type)))
      ? "pass"
      : null;
  if (spec.kind === "task_completed" && taskOf(event) === spec.taskId) {
    const outcome = taskOutcome(event);
    return outcome === "success" ? "pass" : outcome === "failure" ? "fail" : null;
  }
  return null;
}

/** Whether a view condition holds now; an unknown figure never holds. */
export function conditionHolds(c: ViewCondition, view: SwarmView): boolean {
  if (c.kind === "agent_count_at_least") return view.agentCount() >= c.count;
  if (c.kind === "queue_below") {
    const pending = pendingTotal(view);
    return pending !== null && pending < c.pending;
  }
  const percent = view.resourcePercent(c.resourceType);
  return percent !== null && percent < c.percent;
}

/** The event that shows a failure recovered: a heartbeat from the failed agent (any own event of an agent found down by
 * its silence), the failed task completing; null when no event can. */
export function recoveryEvidenceOf(
  f: Pick<Failure, "failureType" | "agentId" | "taskId" | "context">,
): { kind: "agent_heartbeat"; agentId: string; anyEvent?: boolean } | { kind: "task_completed"; taskId: string } | null {
  if (AGENT_FAILURE_TYPES.has(f.failureType) && f.agentId)
    return f.context.detection_source === "silence"
      ? { kind: "agent_heartbeat", agentId: f.agentId, anyEvent: true }
      : { kind: "agent_heartbeat", agentId: f.agentId };
  const taskId = f.taskId ?? (typeof f.context.task_id === "string" ? f.context.task_id : null);
  return TASK_FAILURES.has(f.failureType) && taskId ? { kind: "task_completed", taskId } : null;
}

/** Failure types about the consensus quorum: recovered only when the swarm says the quorum is back. */
const QUORUM_FAILURES = new Set(["quorum_loss", "consensus_failed", "insufficient_agents"]);

/** Whether an event shows a detected failure already recovered (the agent heartbeats; the task completed; the quorum is restored). */
export function resolvedByEvent(f: Failure, event: EngineEvent): boolean {
  if (QUORUM_FAILURES.has(f.failureType)) return event.type === "quorum_restored";
  const evidence = recoveryEvidenceOf(f);
  return evidence !== null && eventEvidence({ ...evidence, timeoutMs: 0 }, event) === "pass";
}

/** Usage (percent) below which a resource failure counts as gone, and queue depth for a backlog (docs/decisions.md#d5 thresholds). */
export const RESOLVED_BELOW = { resourcePercent: 80, backlogPending: 50 } as const;

/** Whether a condition holds, or the view cannot tell (an unknown resource or queue): nothing shows a relapse. */
export function recoveredOrUnknown(c: ViewCondition, view: SwarmView): boolean {
  if (c.kind === "resource_below" && view.resourcePercent(c.resourceType) === null) return true;
  return (c.kind === "queue_below" && pendingTotal(view) === null) || conditionHolds(c, view);
}

/** Whether the swarm view shows a detected failure already gone (resource or queue below threshold). A lost quorum is
 * never judged from the view: agents that are up may still be cut off from voting (see resolvedByEvent). */
export function resolvedInView(f: Failure, view: SwarmView): boolean {
  if (f.failureType === "task_queue_backlog")
    return conditionHolds({ kind: "queue_below", pending: RESOLVED_BELOW.backlogPending + 1 }, view);
  if (f.failureType.endsWith("_exhaustion") || f.failureType === "quota_exceeded") {
    return conditionHolds({ kind: "resource_below", resourceType: resourceTypeOf(f), percent: RESOLVED_BELOW.resourcePercent }, view);
  }
  return false;
}

/** What a running verification has seen so far; `stale`: the whole swarm is silent (docs/decisions.md#d30), so a quiet window proves nothing. */
export type VerificationState = { elapsedMs: number; evidence: Evidence; recurred: boolean; resolved: boolean; stale?: boolean };

/** A verification's verdict (pure): "pass", a failure reason, or null while undecided. */
export function verificationVerdict(spec: VerificationSpec, s: VerificationState, view: SwarmView): "pass" | { failed: string } | null {
  if (s.resolved || spec.kind === "none") return "pass";
  if (spec.kind === "agent_heartbeat" || spec.kind === "task_completed") {
    if (s.evidence === "pass") return "pass";
    if (s.evidence === "fail")
      return {
        failed: `verification failed: ${spec.kind === "task_completed" ? `task ${spec.taskId} failed again` : "agent failed again"}`,
      };
    return s.elapsedMs >= spec.timeoutMs ? { failed: `verification timed out (${spec.kind})` } : null;
  }
  if (spec.kind === "stable" && s.recurred) return { failed: "verification failed: failure recurred" };
  if (spec.condition && conditionHolds(spec.condition, view)) return "pass";
  if (spec.kind === "stable") return s.elapsedMs >= spec.windowMs && !s.stale ? "pass" : null;
  return s.elapsedMs >= spec.timeoutMs ? { failed: `verification timed out (${spec.condition.kind})` } : null;
}
