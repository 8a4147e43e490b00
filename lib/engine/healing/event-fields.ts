// Lenient readers for the snake_case fields of an event as sent (top level first, then `metadata`).
import type { EngineEvent } from "../model/types";

const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** A field of the event, read from the top level or else from `metadata`. */
export function field(event: EngineEvent, key: string): unknown {
  return event.data[key] ?? obj(event.data.metadata)?.[key];
}

/** A non-empty string, or undefined. */
export function str(v: unknown): string | undefined {
  return typeof v === "string" && v.length > 0 ? v : undefined;
}

/** A finite number, or undefined. */
export function num(v: unknown): number | undefined {
  return typeof v === "number" && Number.isFinite(v) ? v : undefined;
}

/** The event's agent id (envelope first, then `agent_id`). */
export function agentOf(event: EngineEvent): string | undefined {
  return event.agentId ?? str(field(event, "agent_id"));
}

/** The event's task id (envelope first, then `task_id`). */
export function taskOf(event: EngineEvent): string | undefined {
  return event.taskId ?? str(field(event, "task_id"));
}

/** Whether a task event reports success (docs/decisions.md#d13: a `task_complete` whose result is not `success` is a failure). */
export function taskOutcome(event: EngineEvent): "success" | "failure" | null {
  if (event.type === "task_success") return "success";
  if (event.type === "task_complete") {
    const result = field(event, "result");
    return result === undefined || result === "success" ? "success" : "failure";
  }
  return event.type === "task_failed" || event.type === "task_error" || event.type === "task_timeout" ? "failure" : null;
}
