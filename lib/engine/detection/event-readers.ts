// Lenient readers of stored events: task outcomes normalised per docs/decisions.md#d13 and consensus rounds per docs/decisions.md#d6.
import type { EngineEvent } from "../model/types";

/** A finite number, or undefined. */
export const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
/** A finite number ≥ 0 capped at MAX_SAFE_INTEGER (so window sums stay finite), or undefined. */
export const nonNeg = (v: unknown): number | undefined => {
  const n = num(v);
  return n !== undefined && n >= 0 ? Math.min(n, Number.MAX_SAFE_INTEGER) + 0 : undefined; // + 0: -0 reads as 0
};
/** a / b when finite, or undefined (a tiny divisor can overflow). */
export const ratioOf = (a: number, b: number): number | undefined => {
  const r = a / b;
  return Number.isFinite(r) ? r : undefined;
};
/** A non-empty string, or undefined. */
export const str = (v: unknown): string | undefined => (typeof v === "string" && v.length > 0 ? v : undefined);
/** A plain object, or undefined. */
export const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** One finished task as the detector counts it. */
export type TaskOutcome = { agentId: string | null; durationMs: number | null; tokensUsed: number | null; success: boolean };

const SUCCESS_TYPES = new Set(["task_complete", "task_success"]);
const FAILURE_TYPES = new Set(["task_failed", "task_error"]);

/** docs/decisions.md#d13: a task event's outcome; duration = duration_ms ?? metadata.duration_ms; task_complete with result ≠ success fails. */
export function taskOutcome(e: EngineEvent): TaskOutcome | null {
  if (!SUCCESS_TYPES.has(e.type) && !FAILURE_TYPES.has(e.type)) return null;
  const meta = obj(e.data.metadata);
  const result = str(e.data.result) ?? str(meta?.result);
  return {
    agentId: e.agentId ?? str(e.data.agent_id) ?? null,
    durationMs: nonNeg(e.data.duration_ms) ?? nonNeg(meta?.duration_ms) ?? null,
    tokensUsed: nonNeg(e.data.tokens_used) ?? nonNeg(meta?.tokens_used) ?? null,
    success: e.type === "task_complete" ? result === undefined || result === "success" : SUCCESS_TYPES.has(e.type),
  };
}

/** One consensus round (docs/decisions.md#d6). */
export type ConsensusRound = { durationMs: number | null; timedOut: boolean; failed: boolean };

/** A `consensus_round` event's duration and result (success | timeout | failure). */
export function consensusRound(e: EngineEvent): ConsensusRound | null {
  if (e.type !== "consensus_round") return null;
  const meta = obj(e.data.metadata);
  const result = str(e.data.result) ?? str(meta?.result) ?? "success";
  return {
    durationMs: nonNeg(e.data.duration_ms) ?? nonNeg(meta?.duration_ms) ?? null,
    timedOut: result === "timeout",
    failed: result !== "success" && result !== "timeout",
  };
}
