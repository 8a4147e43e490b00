// The circuit-breaker state machine (docs/engine.md#s-9-1 with docs/decisions.md#d21), as a pure step function.

/** Circuit states. */
export type CircuitState = "closed" | "open" | "half_open";

/** One circuit's counters. */
export type Circuit = { state: CircuitState; failures: number; successes: number; halfOpenCalls: number; lastFailureAt: number | null };

/** Thresholds (docs/engine.md#s-2-11 defaults: 5 failures, 2 successes, 60 s, 3 half-open calls). */
export type CircuitConfig = { failureThreshold: number; successThreshold: number; timeoutMs: number; halfOpenMaxCalls: number };

/** Default thresholds. */
export const CIRCUIT_DEFAULTS: CircuitConfig = { failureThreshold: 5, successThreshold: 2, timeoutMs: 60_000, halfOpenMaxCalls: 3 };

/** A circuit never seen before: closed with zero counters (docs/decisions.md#d21). */
export const NEW_CIRCUIT: Circuit = { state: "closed", failures: 0, successes: 0, halfOpenCalls: 0, lastFailureAt: null };

/** What a step decided: pass (closed, below threshold), opened, fail_fast, half_opened, reopened, closed, none. */
export type CircuitDecision = "pass" | "opened" | "fail_fast" | "half_opened" | "reopened" | "closed" | "none";

/** One outcome observed for the circuit's key. */
export type CircuitInput = "failure" | "success";

const open = (c: Circuit, now: number): Circuit => ({ ...c, state: "open", lastFailureAt: now, successes: 0, halfOpenCalls: 0 });

/**
 * Next circuit for one outcome at `now`. Closed: failures count, opening at the threshold. Open: a failure fails fast
 * until the timeout, then moves to half-open. Half-open: a failure re-opens; successes are trial calls, closing at the
 * success threshold, re-opening once `halfOpenMaxCalls` calls passed without closing (docs/decisions.md#d21).
 */
export function stepCircuit(
  prev: Circuit | undefined,
  input: CircuitInput,
  now: number,
  cfg: CircuitConfig,
): { next: Circuit; decision: CircuitDecision } {
  const c = prev ?? NEW_CIRCUIT;
  if (c.state === "closed") {
    if (input === "success") return { next: c, decision: "none" };
    const failures = c.failures + 1;
    const counted = { ...c, failures, lastFailureAt: now };
    return failures >= cfg.failureThreshold ? { next: open(counted, now), decision: "opened" } : { next: counted, decision: "pass" };
  }
  if (c.state === "open") {
    if (input === "success") return { next: c, decision: "none" };
    if (now - (c.lastFailureAt ?? now) < cfg.timeoutMs) return { next: c, decision: "fail_fast" };
    return { next: { ...c, state: "half_open", failures: 0, successes: 0, halfOpenCalls: 0 }, decision: "half_opened" };
  }
  if (input === "failure") return { next: open({ ...c, failures: c.failures + 1 }, now), decision: "reopened" };
  const calls = c.halfOpenCalls + 1;
  const successes = c.successes + 1;
  if (successes >= cfg.successThreshold) return { next: NEW_CIRCUIT, decision: "closed" };
  if (calls >= cfg.halfOpenMaxCalls) return { next: open({ ...c, halfOpenCalls: calls, successes }, now), decision: "reopened" };
  return { next: { ...c, halfOpenCalls: calls, successes }, decision: "none" };
}
