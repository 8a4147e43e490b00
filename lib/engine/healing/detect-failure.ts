// detect_failure (reference §8.2 with D16): maps one stored event to a Failure record, or null.
import type { EngineEvent } from "../types";
import { agentOf, field, num, str, taskOf } from "./event-fields";
import type { Failure, Severity } from "./types";

const SEVERITIES: readonly Severity[] = ["critical", "high", "medium", "low"];
const severityOf = (v: unknown): Severity | undefined => SEVERITIES.find((s) => s === v);
/** The event types that can report a failure (the cases below): any other event returns null before any work. */
const REPORTING = new Set(["heartbeat_failed", "agent_failed", "agent_down", "task_timeout", "task_failed", "resource_exhaustion", "quota_exceeded", "quorum_loss", "consensus_failed"]);

/**
 * The failure an event reports, detected at `now`, or null. D16: `health_state` is matched case-insensitively,
 * `agent_down` events map to agent_down and `task_failed` events (with a task id) to task_failed.
 */
export function detectFailure(event: EngineEvent, now: number, newId: () => string): Failure | null {
  if (!REPORTING.has(event.type)) return null;
  const agentId = agentOf(event) ?? null;
  const taskId = taskOf(event) ?? null;
  const make = (failureType: string, severity: Severity, context: Record<string, unknown>, agent = agentId): Failure => ({
    id: newId(),
    failureType,
    agentId: agent,
    taskId,
    severity,
    context: { event_id: event.id, event_type: event.type, ...context },
    detectedAt: now,
    resolvedAt: null,
  });
  const healthState = str(field(event, "health_state"));
  switch (event.type) {
    case "heartbeat_failed":
      return agentId ? make("agent_down", "high", { health_state: healthState ?? "failed", detection_source: event.type }) : null;
    case "agent_failed":
      return agentId && healthState?.toLowerCase() === "failed"
        ? make("agent_down", "high", { health_state: healthState, detection_source: event.type })
        : null;
    case "agent_down":
      return agentId ? make("agent_down", "high", { health_state: healthState ?? "down", detection_source: event.type }) : null;
    case "task_timeout":
      return taskId ? make("task_timeout", "medium", { task_id: taskId, timeout_ms: num(field(event, "timeout_ms")) ?? 0 }) : null;
    case "task_failed":
      return taskId ? make("task_failed", "medium", { task_id: taskId, error: str(field(event, "error")) ?? null }) : null;
    case "resource_exhaustion":
    case "quota_exceeded":
      return make("resource_exhaustion", severityOf(field(event, "severity")) ?? "high", {
        resource_type: str(field(event, "resource_type")) ?? "unknown",
        current_usage: num(field(event, "current_usage")) ?? null,
        limit: num(field(event, "limit")) ?? null,
        usage_percent: num(field(event, "usage_percent")) ?? null,
      });
    case "quorum_loss":
    case "consensus_failed":
      return make(
        "quorum_loss",
        "critical",
        { current_agents: num(field(event, "current_agents")) ?? 0, required_quorum: num(field(event, "required_quorum")) ?? 3 },
        null,
      );
    default:
      return null;
  }
}
