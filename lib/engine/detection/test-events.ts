// Event builders and a fixed-tick series runner shared by this folder's tests.
import type { EngineEvent } from "../model/types";
import type { BottleneckDetector } from "./bottleneck-detector";
import type { BottleneckChanges } from "./types";

let seq = 0;

/** A stored event of `type` at `ts` with `data` fields (snake_case, as sent). */
export function ev(type: string, ts: number, data: Record<string, unknown> = {}): EngineEvent {
  const agentId = typeof data.agent_id === "string" ? data.agent_id : undefined;
  return { id: `e${++seq}`, type, ts, ...(agentId ? { agentId } : {}), data: { type, ...data } };
}

/** A task_complete of `agentId` taking `durationMs` with `result`. */
export const taskDone = (agentId: string, ts: number, durationMs: number, result = "success"): EngineEvent =>
  ev("task_complete", ts, { agent_id: agentId, duration_ms: durationMs, result });

/** A resource_snapshot with the given metadata parts. */
export const snapshot = (ts: number, metadata: Record<string, unknown>): EngineEvent => ev("resource_snapshot", ts, { metadata });

/** A consensus_round with a duration and result. */
export const consensusRoundEvent = (ts: number, durationMs: number, result: string): EngineEvent =>
  ev("consensus_round", ts, { duration_ms: durationMs, result });

/** One lifecycle change, flattened for golden comparisons (times in seconds from the series start). */
export type Change = { at: number; change: keyof BottleneckChanges; key: string; severity: string; impact: number; resolvedAt?: number };

/** Drives `detector` tick by tick (1 s) from `t0` for `seconds`: events up to each tick are observed, then a pass runs. */
export function runSeries(detector: BottleneckDetector, t0: number, events: readonly EngineEvent[], seconds: number): Change[] {
  const sorted = [...events].sort((a, b) => a.ts - b.ts);
  const out: Change[] = [];
  let next = 0;
  for (let s = 0; s <= seconds; s++) {
    const now = t0 + s * 1000;
    const batch: EngineEvent[] = [];
    while (next < sorted.length && (sorted[next] as EngineEvent).ts <= now) batch.push(sorted[next++] as EngineEvent);
    detector.observe(batch, now);
    const changes = detector.detect(now);
    for (const change of ["detected", "updated", "resolved"] as const) {
      for (const b of changes[change]) {
        const key = `${b.type}:${b.affectedResources.join(",")}`;
        const row: Change = { at: s, change, key, severity: b.severity, impact: b.impactScore };
        if (b.resolvedAt !== null) row.resolvedAt = (b.resolvedAt - t0) / 1000;
        out.push(row);
      }
    }
  }
  return out;
}
