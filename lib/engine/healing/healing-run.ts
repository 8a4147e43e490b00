// The in-memory state of one active healing (a proposal or a running healing) and pure helpers on its record.
import type { HealingStrategy, RoutableStrategy } from "./strategy";
import type { Failure, HealingRecord, HealingStatus, Plan, Trigger } from "./types";
import type { Evidence } from "./verification";

/** A plan that acts. */
export type ActPlan = Extract<Plan, { kind: "act" }>;

/** One strategy's attempt inside a healing: its plan, the next command, and what verification has seen. */
export type Step = {
  strategy: HealingStrategy;
  plan: ActPlan;
  next: number;
  notBefore: number;
  waiting: string | null;
  issued: boolean;
  verifyFrom: number | null;
  evidence: Evidence;
  recurred: boolean;
};

/** An active healing. `candidates` are the strategies still to try (one, or a composite's remaining children). */
export type Run = {
  record: HealingRecord;
  failure: Failure;
  key: string;
  routed: RoutableStrategy;
  candidates: HealingStrategy[];
  composite: boolean;
  expiresAt: number | null;
  step: Step | null;
  firstIssuedAt: number | null;
  lastFinishedAt: number | null;
  markedResolved: boolean;
};

/** A fresh healing record for a failure (preventive healings link the prediction, not a failure row). */
export function newHealingRecord(
  id: string,
  f: Failure,
  strategy: string,
  trigger: Trigger,
  predictionId: string | null,
  now: number,
): HealingRecord {
  const fromContext = typeof f.context.prediction_id === "string" ? f.context.prediction_id : null;
  return {
    id,
    failureId: trigger === "preventive" ? null : f.id,
    predictionId: predictionId ?? fromContext,
    failureType: f.failureType,
    strategy,
    status: "running",
    trigger,
    actions: [],
    reason: null,
    healMs: null,
    recoveryMs: null,
    startedAt: now,
    finishedAt: null,
  };
}

/** A run for a fresh record; a composite's children become the candidates. */
export function newRun(record: HealingRecord, failure: Failure, routed: RoutableStrategy, key: string): Run {
  const composite = "children" in routed;
  const candidates = composite ? [...routed.children] : [routed];
  return {
    record,
    failure,
    key,
    routed,
    candidates,
    composite,
    expiresAt: null,
    step: null,
    firstIssuedAt: null,
    lastFinishedAt: null,
    markedResolved: false,
  };
}

/** The record closed at `now`: heal duration from the run's command times, MTTR (detected → verified) on success (docs/decisions.md#d17). */
export function closedRecord(run: Run, status: HealingStatus, reason: string | null, now: number): HealingRecord {
  const healMs = run.firstIssuedAt !== null && run.lastFinishedAt !== null ? run.lastFinishedAt - run.firstIssuedAt : null;
  const recoveryMs = status === "succeeded" ? Math.max(0, now - run.failure.detectedAt) : null;
  return { ...run.record, status, reason, finishedAt: now, healMs, recoveryMs };
}

/** A deep-enough copy of a record to publish (later changes must not leak into emitted snapshots). */
export function snapshot(r: HealingRecord): HealingRecord {
  return { ...r, actions: r.actions.map((a) => (typeof a === "string" ? a : { ...a })) };
}
