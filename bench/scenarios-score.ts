// Scoring of scenario runs against ground truth: which detections and predictions relate to the injected fault,
// detection delay, lead time, false alarms by phase, predictions made too late, approvals that produced no healing,
// and the outcome of the healings of the fault's failures.
import type { HealingRecord } from "@/lib/engine";
import type { ScenarioName } from "../lib/simulator/model";
import { detectionLimitMs, groupOf } from "./fault-groups";
import type { Detection, OpenPrediction, RunRecord } from "./scenarios-run";
import { median } from "./stats";

/** How a scenario shows in the engine: the failure/bottleneck types that detect it, the predicted types that anticipate it. */
export const SIGNS: Readonly<Record<Exclude<ScenarioName, "control">, { detects: readonly string[]; predicts: readonly string[] }>> = {
  agent_crash: { detects: ["agent_down"], predicts: ["agent_down", "task_failed"] },
  slow_degradation: {
    detects: ["slow_agent", "task_timeout"],
    predicts: ["task_timeout", "task_failed", "agent_down", "resource_exhaustion"],
  },
  token_leak: { detects: ["token_exhaustion", "resource_exhaustion"], predicts: ["token_exhaustion", "resource_exhaustion"] },
  queue_flood: {
    detects: ["task_queue_backlog", "quota_exceeded"],
    predicts: ["task_queue_backlog", "task_timeout", "resource_exhaustion"],
  },
  quorum_loss: { detects: ["quorum_loss", "consensus_timeout"], predicts: ["consensus_failed", "quorum_loss"] },
  memory_pressure: { detects: ["agent_down"], predicts: ["memory_exhaustion", "resource_exhaustion", "agent_down"] },
  consensus_timeouts: { detects: ["consensus_timeout", "quorum_loss"], predicts: ["consensus_failed", "quorum_loss"] },
  flapping_heartbeats: { detects: ["agent_down"], predicts: ["agent_down"] },
};

/** Window before the injection in which a related prediction is not a false alarm (but earns no lead). */
const BEFORE_MS = 60_000;

/** Where a prediction that matched no fault was made. */
export type Phase = "control" | "warm-up" | "during fault" | "after fault";

/** A prediction that matched no fault. */
export type FalseAlarm = { phase: Phase; source: string; failureType: string; agentId: string | null; atS: number; reasoning: string };

/** Outcome counts of healings; `refused` = cancelled by the hourly cap, `skipped` = cancelled for another reason. */
export type HealingTally = { succeeded: number; failed: number; refused: number; skipped: number };

/** The score of one run. */
export type RunScore = {
  scenario: ScenarioName;
  seed: number;
  targets: string[];
  detectedBy: string | null;
  detectDelayMs: number | null;
  /** The longest detection delay allowed (one heartbeat interval, or k intervals when detected by silence). */
  detectLimitMs: number | null;
  /** A related prediction between the injection and the detection (or with no detection at all). */
  predictedAhead: boolean;
  leadMs: number | null;
  leadSource: string | null;
  /** Related predictions made before the fault's first detection (or with no detection at all). */
  matched: number;
  /** Related predictions made at or after the fault's first detection: not a hit. */
  late: number;
  falseAlarms: FalseAlarm[];
  /** Approvals of open proposals, and those that produced neither a healing.started nor a cancelled healing.finished. */
  approvals: number;
  approvalsWithoutHealing: string[];
  /** Approvals answered by a cancelled healing (with its reason). */
  approvalsDeclined: string[];
  /** Proposals no longer open when the operator came to them (expired, overtaken by their failure). */
  closedBeforeDecision: number;
  observed: number;
  /** Automatic healings of the fault's detected failures. */
  healing: HealingTally;
  healingRecoveryMs: number[];
  healingReasons: string[];
  /** Preventive healings of the fault's (approved) predictions. */
  preventive: HealingTally;
  /** Ground truth: time from injection until the fault's cause was removed (healed), else null. */
  clearedMs: number | null;
  commands: RunRecord["commands"];
  invalid: number;
  queueAtEnd: RunRecord["queueAtEnd"];
};

/** Whether an agent-scoped signal concerns the fault: no agent, a flood (no targets), or one of the targets. */
const onTarget = (agentId: string | null, targets: readonly string[]) =>
  agentId === null || targets.length === 0 || targets.includes(agentId);

/** Whether a detection is the fault showing (expected type, on its target, while the fault lasts). */
function detects(d: Detection, r: RunRecord): boolean {
  const f = r.fault;
  if (!f || r.scenario === "control" || d.at < f.startedAt || d.at > (f.endsAt ?? r.endAt)) return false;
  return SIGNS[r.scenario].detects.includes(d.type) && onTarget(d.agentId, f.targets);
}

/** Whether a prediction anticipates the fault: in its window, and on a target agent or of an expected type. */
function anticipates(p: OpenPrediction, r: RunRecord): boolean {
  const f = r.fault;
  if (!f || r.scenario === "control" || p.at < f.startedAt - BEFORE_MS || p.at > (f.endsAt ?? r.endAt)) return false;
  if (p.agentId !== null && f.targets.includes(p.agentId)) return true;
  return SIGNS[r.scenario].predicts.includes(p.failureType) && onTarget(p.agentId, f.targets);
}

function phaseOf(p: OpenPrediction, r: RunRecord): Phase {
  if (!r.fault) return "control";
  if (p.at < r.fault.startedAt - BEFORE_MS) return "warm-up";
  return p.at > (r.fault.endsAt ?? r.endAt) ? "after fault" : "during fault";
}

function tally(hs: readonly HealingRecord[]): HealingTally {
  const t: HealingTally = { succeeded: 0, failed: 0, refused: 0, skipped: 0 };
  for (const h of hs) {
    if (h.status === "succeeded" || h.status === "failed") t[h.status]++;
    else if (h.reason?.startsWith("skipped: hourly cap")) t.refused++;
    else t.skipped++;
  }
  return t;
}

/** What each approval produced: a healing that started, one cancelled (with its reason), or nothing (pure). */
export function approvalOutcomes(r: Pick<RunRecord, "approvals" | "preventiveEvents">) {
  const ofApproval = (id: string, at: number) => r.preventiveEvents.filter((e) => e.predictionId === id && e.at >= at);
  const declined = r.approvals.flatMap((a) => {
    const es = ofApproval(a.predictionId, a.at);
    const cancelled = es.find((e) => e.event === "healing.finished" && e.status === "cancelled");
    return !es.some((e) => e.event === "healing.started") && cancelled ? [cancelled.reason ?? "(no reason)"] : [];
  });
  const without = r.approvals.filter(
    (a) =>
      !ofApproval(a.predictionId, a.at).some(
        (e) => e.event === "healing.started" || (e.event === "healing.finished" && e.status === "cancelled"),
      ),
  );
  return { approvals: r.approvals.length, without: without.map((a) => a.predictionId), declined };
}

/** Scores one run. */
export function scoreRun(r: RunRecord): RunScore {
  const related = r.detections.filter((d) => detects(d, r)).sort((a, b) => a.at - b.at);
  const first = related[0] ?? null;
  const anticipating = r.predictions.filter((p) => anticipates(p, r));
  const isLate = (p: OpenPrediction) => first !== null && p.at >= first.at;
  const matched = anticipating.filter((p) => !isLate(p));
  const ahead = r.fault ? matched.filter((p) => p.at >= r.fault!.startedAt) : [];
  const approvals = approvalOutcomes(r);
  const best = ahead[0] ?? null;
  const failureIds = new Set(related.filter((d) => d.kind === "failure").map((d) => d.id));
  const predictionIds = new Set(anticipating.map((p) => p.id));
  const healings = r.healings.filter((h) => h.trigger === "detected" && h.failureId != null && failureIds.has(h.failureId));
  const preventive = r.healings.filter((h) => h.trigger === "preventive" && h.predictionId != null && predictionIds.has(h.predictionId));
  return {
    scenario: r.scenario,
    seed: r.seed,
    targets: r.fault?.targets ?? [],
    detectedBy: first ? `${first.kind} ${first.type}${first.source ? ` (${first.source})` : ""}` : null,
    detectDelayMs: first && r.fault ? first.at - r.fault.startedAt : null,
    detectLimitMs: first ? detectionLimitMs(first.source) : null,
    predictedAhead: best !== null,
    leadMs: best && first ? first.at - best.at : null,
    leadSource: best ? `${best.source} ${best.failureType}` : null,
    matched: matched.length,
    late: anticipating.length - matched.length,
    approvals: approvals.approvals,
    approvalsWithoutHealing: approvals.without,
    approvalsDeclined: approvals.declined,
    closedBeforeDecision: r.closedBeforeDecision,
    falseAlarms: r.predictions
      .filter((p) => !predictionIds.has(p.id))
      .map((p) => ({
        phase: phaseOf(p, r),
        source: p.source,
        failureType: p.failureType,
        agentId: p.agentId,
        atS: (p.at - r.startMs) / 1000,
        reasoning: p.reasoning,
      })),
    observed: r.observed,
    healing: tally(healings),
    healingRecoveryMs: healings.flatMap((h) => (h.status === "succeeded" && h.recoveryMs != null ? [h.recoveryMs] : [])),
    healingReasons: [...new Set(healings.flatMap((h) => (h.status === "succeeded" || !h.reason ? [] : [`${h.strategy}: ${h.reason}`])))],
    preventive: tally(preventive),
    clearedMs: r.clearedAt !== null && r.fault ? r.clearedAt - r.fault.startedAt : null,
    commands: r.commands,
    invalid: r.invalid,
    queueAtEnd: r.queueAtEnd,
  };
}

/** One line of the totals: the measure, its value, the target and whether it is met (null = shown for context). */
export type Total = { measure: string; value: number | null; unit: string; target: string; pass: boolean | null };

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);
const at = (v: number | null, ok: (x: number) => boolean) => (v === null ? false : ok(v));
const tallied = (scores: readonly RunScore[]) => {
  const h = scores.map((s) => s.healing);
  return { succeeded: sum(h.map((x) => x.succeeded)), attempted: sum(h.map((x) => x.succeeded + x.failed + x.refused)) };
};
/** Median over faults of each fault's median healing recovery (s). */
const perFaultMttr = (scores: readonly RunScore[]) =>
  median(scores.flatMap((s) => (s.healingRecoveryMs.length > 0 ? [median(s.healingRecoveryMs)! / 1000] : [])));

/** Precursor faults (ramps, degradations, erosions), scored on prediction: precision (late predictions count against
 * it), recall, lead time. */
export function precursorTotals(scores: readonly RunScore[]): Total[] {
  const runs = scores.filter((s) => groupOf(s.scenario) === "precursor");
  const hits = sum(runs.map((s) => s.matched));
  const late = sum(runs.map((s) => s.late));
  const alarms = sum(runs.map((s) => s.falseAlarms.length));
  const precision = ratio(hits, hits + late + alarms);
  const recall = ratio(runs.filter((s) => s.predictedAhead).length, runs.length);
  const lead = median(runs.flatMap((s) => (s.leadMs !== null && s.leadMs > 0 ? [s.leadMs / 1000] : [])));
  return [
    {
      measure: "precision (hits / hits + late + false)",
      value: precision,
      unit: "",
      target: "≥ 0.9",
      pass: at(precision, (x) => x >= 0.9),
    },
    { measure: "recall (faults predicted before detection)", value: recall, unit: "", target: "≥ 0.8", pass: at(recall, (x) => x >= 0.8) },
    { measure: "median lead time", value: lead, unit: "s", target: "≥ 30 s", pass: at(lead, (x) => x >= 30) },
    { measure: "predictions at or after detection (late)", value: late, unit: "", target: "= 0", pass: late === 0 },
    { measure: "predictions matching no fault", value: alarms, unit: "", target: "—", pass: null },
    {
      measure: "faults detected",
      value: ratio(runs.filter((s) => s.detectDelayMs !== null).length, runs.length),
      unit: "",
      target: "—",
      pass: null,
    },
  ];
}

/** Sudden faults (crashes, flapping heartbeats, quorum loss, silence), scored on detection delay and MTTR. */
export function suddenTotals(scores: readonly RunScore[]): Total[] {
  const runs = scores.filter((s) => groupOf(s.scenario) === "sudden");
  const detected = runs.filter((s) => s.detectDelayMs !== null);
  const inLimit = ratio(runs.filter((s) => s.detectDelayMs !== null && s.detectDelayMs <= s.detectLimitMs!).length, runs.length);
  const mttr = perFaultMttr(runs);
  const h = tallied(runs);
  const success = ratio(h.succeeded, h.attempted);
  const cleared = runs.filter((s) => s.clearedMs !== null);
  const late = sum(runs.map((s) => s.late));
  return [
    {
      measure: "detected within the limit (1 heartbeat, 3 when by silence)",
      value: inLimit,
      unit: "",
      target: "= 1",
      pass: at(inLimit, (x) => x === 1),
    },
    { measure: "median detection delay", value: median(detected.map((s) => s.detectDelayMs! / 1000)), unit: "s", target: "—", pass: null },
    { measure: "median MTTR (per fault)", value: mttr, unit: "s", target: "≤ 15 s", pass: at(mttr, (x) => x <= 15) },
    { measure: "auto-healing success", value: success, unit: "", target: "≥ 0.9", pass: at(success, (x) => x >= 0.9) },
    { measure: "faults cleared by healing (ground truth)", value: ratio(cleared.length, runs.length), unit: "", target: "—", pass: null },
    {
      measure: "median time to clear (ground truth)",
      value: median(cleared.map((s) => s.clearedMs! / 1000)),
      unit: "s",
      target: "—",
      pass: null,
    },
    { measure: "predictions at or after detection (late)", value: late, unit: "", target: "= 0", pass: late === 0 },
  ];
}

/** Across every run: control alarms, approvals without a healing, overall healing success and MTTR. */
export function totals(scores: readonly RunScore[]): Total[] {
  const faults = scores.filter((s) => s.scenario !== "control");
  const control = sum(scores.filter((s) => s.scenario === "control").map((s) => s.falseAlarms.length));
  const h = tallied(scores);
  const success = ratio(h.succeeded, h.attempted);
  const mttr = perFaultMttr(faults);
  const approvals = sum(scores.map((s) => s.approvals));
  const without = sum(scores.map((s) => s.approvalsWithoutHealing.length));
  const declined = sum(scores.map((s) => s.approvalsDeclined.length));
  const curable = faults.filter((s) => s.scenario !== "queue_flood");
  const cleared = curable.filter((s) => s.clearedMs !== null);
  return [
    { measure: "predictions ≥ threshold in control", value: control, unit: "", target: "= 0", pass: control === 0 },
    { measure: "approvals of open proposals without a healing", value: without, unit: "", target: "= 0", pass: without === 0 },
    { measure: "approvals of open proposals", value: approvals, unit: "", target: "—", pass: null },
    { measure: "approvals answered by a cancelled healing (with its reason)", value: declined, unit: "", target: "—", pass: null },
    {
      measure: "proposals closed before the operator's decision",
      value: sum(scores.map((s) => s.closedBeforeDecision)),
      unit: "",
      target: "—",
      pass: null,
    },
    { measure: "auto-healing success", value: success, unit: "", target: "≥ 0.9", pass: at(success, (x) => x >= 0.9) },
    { measure: "median MTTR (per fault)", value: mttr, unit: "s", target: "≤ 15 s", pass: at(mttr, (x) => x <= 15) },
    {
      measure: "median recovery per healing",
      value: median(scores.flatMap((s) => s.healingRecoveryMs.map((ms) => ms / 1000))),
      unit: "s",
      target: "—",
      pass: null,
    },
    {
      measure: "faults cleared by healing (ground truth, flood excluded)",
      value: ratio(cleared.length, curable.length),
      unit: "",
      target: "—",
      pass: null,
    },
  ];
}

function sum(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0);
}
