// detect_failure (docs/engine.md#s-8-2 with docs/decisions.md#d16): maps one stored event to a Failure record, or null.
import type { EngineEvent } from "../model/types";
import { agentOf, field, num, str, taskOf } from "./event-fields";
import type { Failure, Severity } from "./types";

const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];
const severityOf = (v: unknown): Severity | undefined => SEVERITIES.find((s) => s === v);

/** The Failure `event` reports (module level, not a closure per call: detectFailure runs for every event). */
function failureOf(
  event: EngineEvent,
  now: number,
  newId: () => string,
  failureType: string,
  severity: Severity,
  context: Record<string, unknown>,
  agent = agentOf(event) ?? null,
): Failure {
  return {
    id: newId(),
    failureType,
    agentId: agent,
    taskId: taskOf(event) ?? null,
    severity,
    context: { event_id: event.id, event_type: event.type, ...context },
    detectedAt: now,
    resolvedAt: null,
  };
}

/**
 * The failure an event reports, detected at `now`, or null. docs/decisions.md#d16: `health_state` is matched case-insensitively,
 * `agent_down` events map to agent_down and `task_failed` events (with a task id) to task_failed.
 */
export function detectFailure(event: EngineEvent, now: number, newId: () => string): Failure | null {
  switch (event.type) {
    case "heartbeat_failed":
      return agentOf(event)
        ? failureOf(event, now, newId, "agent_down", "high", {
            health_state: str(field(event, "health_state")) ?? "failed",
            detection_source: event.type,
          })
        : null;
    case "agent_failed": {
      const state = str(field(event, "health_state"));
      return agentOf(event) && state?.toLowerCase() === "failed"
        ? failureOf(event, now, newId, "agent_down", "high", { health_state: state, detection_source: event.type })
        : null;
    }
    case "agent_down":
      return agentOf(event)
        ? failureOf(event, now, newId, "agent_down", "high", {
            health_state: str(field(event, "health_state")) ?? "down",
            detection_source: event.type,
          })
        : null;
    case "task_timeout": {
      const taskId = taskOf(event);
      return taskId
        ? failureOf(event, now, newId, "task_timeout", "medium", { task_id: taskId, timeout_ms: num(field(event, "timeout_ms")) ?? 0 })
        : null;
    }
    case "task_failed": {
      const taskId = taskOf(event);
      return taskId
        ? failureOf(event, now, newId, "task_failed", "medium", { task_id: taskId, error: str(field(event, "error")) ?? null })
        : null;
    }
    case "resource_exhaustion":
    case "quota_exceeded":
      return failureOf(event, now, newId, "resource_exhaustion", severityOf(field(event, "severity")) ?? "high", {
        resource_type: str(field(event, "resource_type")) ?? "unknown",
        current_usage: num(field(event, "current_usage")) ?? null,
        limit: num(field(event, "limit")) ?? null,
        usage_percent: num(field(event, "usage_percent")) ?? null,
      });
    case "quorum_loss":
    case "consensus_failed":
      return failureOf(
        event,
        now,
        newId,
        "quorum_loss",
        "critical",
        {
          current_agents: num(field(event, "current_agents")) ?? 0,
          required_quorum: num(field(event, "required_quorum")) ?? 3,
        },
        null,
      );
    default:
      return null;
  }
}
