// Test-only builders for PredictiveHealing tests: events, a deterministic id source, a fixed epoch.
import type { EngineEvent } from "../model/types";
import type { PatternInput } from "./inputs";
import type { PredictInputs, PredictiveHealing } from "./predictive-healing";
import type { Prediction } from "./prediction-record";

/** A fixed epoch for tests (2023-11-14T22:13:20Z). */
export const T0 = 1_700_000_000_000;

/** Deterministic ids `p-1`, `p-2`, … standing in for crypto.randomUUID. */
export function counterIds(prefix = "p"): () => string {
  let n = 0;
  return () => `${prefix}-${++n}`;
}

let seq = 0;
/** A stored event of `type` at `ts`, with `data` as sent. */
export function ev(type: string, ts: number, data: Record<string, unknown> = {}, agentId?: string): EngineEvent {
  return { id: `e-${++seq}`, type, ts, ...(agentId ? { agentId } : {}), data: { type, ...data } };
}

/** A resource_metric sample with the given percentages. */
export const resourceMetric = (ts: number, token?: number, memory?: number): EngineEvent =>
  ev("resource_metric", ts, {
    metadata: {
      ...(token !== undefined ? { token_usage_percent: token } : {}),
      ...(memory !== undefined ? { memory_usage_percent: memory } : {}),
    },
  });

/** A queue_metric sample. */
export const queueMetric = (ts: number, depth?: number, high?: number): EngineEvent =>
  ev("queue_metric", ts, {
    metadata: { ...(depth !== undefined ? { queue_depth: depth } : {}), ...(high !== undefined ? { high_priority_count: high } : {}) },
  });

/** A learned precursor pattern with sensible defaults (3 episodes, lift 5, a 30 s lead). */
export const pattern = (over: Partial<PatternInput> & Pick<PatternInput, "id" | "events" | "lastSeen" | "failureType">): PatternInput => ({
  type: "correlation",
  confidence: 1,
  occurrences: 10,
  support: 3,
  lift: 5,
  leadMs: 30_000,
  ...over,
});

/** One step of a golden series: the engine ticks at `at` with these sibling inputs. */
export type Tick = { at: number; inputs?: PredictInputs };

/** A compact, readable line per created or updated prediction. */
export function describePrediction(kind: "created" | "updated", p: Prediction): string {
  if (kind === "updated") return `updated ${p.id} ${p.status}${p.outcome ? ` ${p.outcome}` : ""}`;
  return `created ${p.id} ${p.source} ${p.failureType} ${p.agentId ?? "-"} ${p.confidence} eta=${p.expectedAt - p.predictedAt} ${p.status}`;
}

/**
 * Replays `events` (observed once their event time is reached) against a tick schedule, the way the engine's 1 s tick
 * drives PredictiveHealing: expire → settle → predict. Returns the lines produced at each tick time.
 */
export function replay(ph: PredictiveHealing, events: EngineEvent[], ticks: Tick[]): Record<number, string[]> {
  const pending = [...events].sort((a, b) => a.ts - b.ts);
  const out: Record<number, string[]> = {};
  for (const { at, inputs } of ticks) {
    while (pending.length > 0 && (pending[0]?.ts ?? Infinity) <= at) ph.observe(pending.shift() as EngineEvent);
    out[at - T0] = [
      ...ph.expire(at).map((p) => describePrediction("updated", p)),
      ...ph.settleOutcomes(at).map((p) => describePrediction("updated", p)),
      ...ph.predict(at, inputs).map((p) => describePrediction("created", p)),
    ];
  }
  return out;
}
