// What a stored engine output row counts in the rollups (docs/decisions.md#d27), the way the engine's analytics roll raw records up:
// a bottleneck, prediction or failure once (by detection / prediction time), a healing once it is a result
// (succeeded or failed, by outcome time, with its heal and recovery durations), a prediction's settled outcome.
// A row whose counted state changes moves its contribution: the old one is taken back, the new one added.
import type { RollupDelta } from "./rollup-upsert";

/** A row's contribution to its swarm's rollups at time `at` (ms). */
export type RollupShare = { at: number; delta: RollupDelta };

/** The counted state of a healing row. */
export type HealingCounted = {
  status: string;
  startedAt: number;
  finishedAt: number | null;
  healMs: number | null;
  recoveryMs: number | null;
};

/** A healing's share: one result when it succeeded or failed (heal duration docs/decisions.md#d17: healMs, else finish − start). */
export function healingShare(h: HealingCounted | null): RollupShare | null {
  if (!h || (h.status !== "succeeded" && h.status !== "failed")) return null;
  const healMs = h.healMs ?? (h.finishedAt !== null ? Math.max(0, h.finishedAt - h.startedAt) : 0);
  const recovered = h.recoveryMs !== null;
  return {
    at: h.finishedAt ?? h.startedAt,
    delta: {
      healings: 1,
      healings_succeeded: h.status === "succeeded" ? 1 : 0,
      heal_ms_sum: healMs,
      recoveries: recovered ? 1 : 0,
      recovery_ms_sum: h.recoveryMs ?? 0,
    },
  };
}

const OUTCOME_MEASURE = {
  confirmed: "predictions_confirmed",
  prevented: "predictions_prevented",
  false_positive: "predictions_false",
} as const;

/** A prediction's settled outcome share (confirmed, prevented, false positive; by prediction time). */
export function outcomeShare(p: { outcome: string | null; predictedAt: number } | null): RollupShare | null {
  const measure = p?.outcome ? OUTCOME_MEASURE[p.outcome as keyof typeof OUTCOME_MEASURE] : undefined;
  return measure ? { at: p!.predictedAt, delta: { [measure]: 1 } } : null;
}

const sameShare = (a: RollupShare, b: RollupShare) =>
  Math.floor(a.at / 60_000) === Math.floor(b.at / 60_000) &&
  JSON.stringify(Object.entries(a.delta).sort()) === JSON.stringify(Object.entries(b.delta).sort());

/** The increments that turn a row's `before` share into its `after` share (none when they are the same). */
export function shareChange(before: RollupShare | null, after: RollupShare | null): RollupShare[] {
  if (before && after && sameShare(before, after)) return [];
  const undo = before ? [{ at: before.at, delta: Object.fromEntries(Object.entries(before.delta).map(([m, v]) => [m, 0 - v])) }] : [];
  return [...undo, ...(after ? [after] : [])];
}
