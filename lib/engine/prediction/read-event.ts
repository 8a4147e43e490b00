// Reads the fields PredictiveHealing needs from a stored event, with docs/decisions.md#d13's task_complete normalisation.
import type { EngineEvent } from "../model/types";

/** A finite number, or undefined. */
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);

/** A plain object, or undefined. */
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** The event's `metadata` object (empty when absent). */
export const metadataOf = (e: EngineEvent): Record<string, unknown> => obj(e.data.metadata) ?? {};

/** The agent an event is about: the envelope's agentId, else `agent_id` as sent. */
export const agentOf = (e: EngineEvent): string | null => e.agentId ?? (typeof e.data.agent_id === "string" ? e.data.agent_id : null);

/** One task result as the health source counts it. */
export type TaskResult = { ok: boolean; durationMs: number | null };

/**
 * The task result an event reports, or null when it reports none (docs/engine.md#s-7-6 with docs/decisions.md#d13):
 * task_complete / task_success → duration `duration_ms ?? metadata.duration_ms`; a `result` (top level or in metadata)
 * other than "success" is a failure; task_failed / task_error → failure.
 */
export function taskResultOf(e: EngineEvent): TaskResult | null {
  if (e.type === "task_failed" || e.type === "task_error") return { ok: false, durationMs: null };
  if (e.type !== "task_complete" && e.type !== "task_success") return null;
  const meta = metadataOf(e);
  const durationMs = num(e.data.duration_ms) ?? num(meta.duration_ms) ?? null;
  const result = e.data.result ?? meta.result;
  return { ok: e.type === "task_success" || result === undefined || result === "success", durationMs };
}
