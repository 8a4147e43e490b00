// How the benchmarks score each fault scenario: precursor faults build up and are scored on prediction (precision,
// recall, lead time); sudden faults strike at once and are scored on detection delay and time to repair.

/** The simulator's heartbeat interval (lib/simulator/model/tuning.ts HEARTBEAT_MS). */
export const HEARTBEAT_MS = 5_000;
/** Intervals of silence after which a silent agent may be declared down (the simulator's MISSES_BEFORE_DOWN). */
export const SILENCE_INTERVALS = 3;

/** Faults that build up: ramps, degradations, erosions. */
export const PRECURSOR = ["queue_flood", "slow_degradation", "memory_pressure", "token_leak"] as const;
/** Faults that strike at once: crashes, flapping heartbeats, quorum loss, consensus timeouts (and silence). */
export const SUDDEN = ["agent_crash", "flapping_heartbeats", "quorum_loss", "consensus_timeouts"] as const;

/** The scoring group of a scenario. */
export function groupOf(scenario: string): "precursor" | "sudden" | "other" {
  if ((PRECURSOR as readonly string[]).includes(scenario)) return "precursor";
  return (SUDDEN as readonly string[]).includes(scenario) ? "sudden" : "other";
}

/** The longest detection delay a sudden fault may have: one heartbeat interval after its first evidence, or
 * SILENCE_INTERVALS intervals when it was detected by silence (`source` = the failure's context.detection_source). */
export const detectionLimitMs = (source: string | null): number => (source === "silence" ? SILENCE_INTERVALS * HEARTBEAT_MS : HEARTBEAT_MS);
