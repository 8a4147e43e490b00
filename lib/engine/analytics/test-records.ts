// Test helpers: compact builders for healing records (used by the colocated tests only).
import type { HealingRecord } from "./types";

/** Epoch ms of 2026-01-01T00:00:00Z, a UTC midnight. */
export const T0 = Date.UTC(2026, 0, 1);
/** One minute in ms. */
export const MIN = 60_000;

let seq = 0;

/** A finished healing result (succeeded unless `ok` is false) that finished at `at`. */
export function result(at: number, ok = true, extra: Partial<HealingRecord> = {}): HealingRecord {
  seq += 1;
  return {
    id: `h-${seq}`,
    failureType: "agent_down",
    strategy: "agent_restart",
    status: ok ? "succeeded" : "failed",
    trigger: "detected",
    healMs: 100,
    recoveryMs: ok ? 1_000 : null,
    startedAt: at - 100,
    finishedAt: at,
    ...extra,
  };
}

/** `n` results one minute apart from `start`, succeeding where `ok(i)` holds. */
export function series(n: number, ok: (i: number) => boolean, extra: Partial<HealingRecord> = {}, start = T0): HealingRecord[] {
  return Array.from({ length: n }, (_, i) => result(start + i * MIN, ok(i), extra));
}
