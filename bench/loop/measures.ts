// The live loop's measures as pure functions of one run's records. Each reads the contract's items loosely, so new
// statuses, outcomes and fields (a "needs an operator" state, outcome "happened", health_score null) pass through;
// when such a state lands, the one function that interprets it is the one to adapt.
import { median } from "../stats";
import { anticipates, type Detection, detects, faultEnd, firstDetection, groupOf, HEARTBEAT_MS, isProposal, SILENCE_INTERVALS } from "./attribution";
import type { DecisionRecord, FaultTruth, HealingRow, HealthSample, PredictionRow, SocketRecord } from "./records";

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/** The p-th percentile (0–100, nearest rank) of `xs`, or null when empty. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** A command reached the coordinator: it was claimed at least once (a result implies a claim). */
export const delivered = (c: { status: string; attempts: number }) => c.attempts > 0 || ["dispatched", "acknowledged", "succeeded", "failed"].includes(c.status);

/** Final approvals (HTTP 200 that closed the item) and how many led to a healing with at least one delivered command. */
export function approvalFollowThrough(decisions: readonly DecisionRecord[], healings: readonly HealingRow[]) {
  const approvals = decisions.filter((d) => d.decision === "approve" && d.final && d.status === 200);
  const healingOf = (d: DecisionRecord) => (d.kind === "healing" ? healings.filter((h) => h.id === d.id) : healings.filter((h) => h.prediction_id === d.id));
  const started = approvals.filter((d) => healingOf(d).length > 0).length;
  const healed = approvals.filter((d) => healingOf(d).some((h) => h.commands.some(delivered))).length;
  return { approvals: approvals.length, started, healed, ratio: approvals.length ? healed / approvals.length : null };
}

/** Proposals made after their fault was already detected (and before it ended): a prediction of the present. */
export function predictionsAfterDetection(faults: readonly FaultTruth[], detections: readonly Detection[], predictions: readonly PredictionRow[]) {
  const late = faults.flatMap((f) => {
    const first = firstDetection(f, detections);
    if (!first) return [];
    return predictions.filter((p) => isProposal(p) && anticipates(p, f) && Date.parse(p.predicted_at) > first.at).map((p) => ({ fault: f.id, scenario: f.scenario, prediction: p.id }));
  });
  return { count: new Set(late.map((l) => l.prediction)).size, items: late };
}

/** When the product marked an item as needing an operator, if it did (a `needs_operator_at` time or such a status). */
export function needsOperatorAt(item: Record<string, unknown>, detectedAt: number): number | null {
  if (typeof item.needs_operator_at === "string") return Date.parse(item.needs_operator_at);
  return typeof item.status === "string" && /needs[_ ]?(an[_ ])?operator/.test(item.status) ? detectedAt : null;
}

/** Whether a healing is the product's answer to a detection: it heals that failure, or (bottleneck) its type or resources. */
function answers(h: HealingRow, d: Detection): boolean {
  if (d.kind === "failure") return h.failure_id === d.id;
  const started = Date.parse(h.started_at);
  if (started < d.at || (d.resolvedAt !== null && started > d.resolvedAt)) return false;
  return h.failure_type === d.type || (d.agentId !== null && JSON.stringify(h.actions).includes(d.agentId));
}

/** Seconds each critical/high detection spent with no healing, decision, "needs an operator" or resolution (to `endAt`). */
export function unattended(detections: readonly Detection[], items: ReadonlyMap<string, Record<string, unknown>>, healings: readonly HealingRow[], endAt: number, limitS = 30) {
  const gaps = detections
    .filter((d) => d.severity === "critical" || d.severity === "high")
    .map((d) => {
      const marks = [d.resolvedAt, needsOperatorAt(items.get(d.id) ?? {}, d.at), ...healings.filter((h) => answers(h, d)).map((h) => Date.parse(h.started_at))];
      const first = Math.min(endAt, ...marks.filter((t): t is number => t !== null));
      return { id: d.id, kind: d.kind, type: d.type, s: Math.max(0, first - d.at) / 1000 };
    });
  const over = gaps.filter((g) => g.s > limitS);
  return { items: gaps.length, over: over.length, maxS: gaps.length ? Math.max(...gaps.map((g) => g.s)) : null, worst: over.sort((a, b) => b.s - a.s).slice(0, 5) };
}

/** Outcomes the product counts as a true prediction, and as a false one; any other outcome is not scored. */
const TRUE_OUTCOMES = ["confirmed", "prevented", "happened"];
const FALSE_OUTCOMES = ["false_positive"];

/** Precision of proposals by the product's own outcome tracking. */
export function outcomePrecision(predictions: readonly PredictionRow[]) {
  const proposals = predictions.filter(isProposal);
  const tp = proposals.filter((p) => p.outcome !== null && TRUE_OUTCOMES.includes(p.outcome)).length;
  const fp = proposals.filter((p) => p.outcome !== null && FALSE_OUTCOMES.includes(p.outcome)).length;
  const byOutcome: Record<string, number> = {};
  for (const p of proposals) byOutcome[p.outcome ?? "none"] = (byOutcome[p.outcome ?? "none"] ?? 0) + 1;
  return { proposals: proposals.length, truePositives: tp, falsePositives: fp, unscored: proposals.length - tp - fp, byOutcome, precision: tp + fp ? tp / (tp + fp) : null };
}

/** Recall of precursor faults: a proposal anticipated the fault before its first detection (or it was never detected). */
export function precursorRecall(faults: readonly FaultTruth[], detections: readonly Detection[], predictions: readonly PredictionRow[]) {
  const precursor = faults.filter((f) => groupOf(f.scenario) === "precursor");
  const ahead = precursor.filter((f) => {
    const first = firstDetection(f, detections);
    return predictions.some((p) => isProposal(p) && anticipates(p, f) && (first === null || Date.parse(p.predicted_at) <= first.at));
  });
  return { faults: precursor.length, predictedAhead: ahead.length, recall: precursor.length ? ahead.length / precursor.length : null };
}

/** Detection delay of each sudden fault, against one heartbeat interval (k intervals when detected by silence). */
export function suddenDetection(faults: readonly FaultTruth[], detections: readonly Detection[]) {
  return faults
    .filter((f) => groupOf(f.scenario) === "sudden")
    .map((f) => {
      const first = firstDetection(f, detections);
      const limitMs = first?.source === "silence" ? SILENCE_INTERVALS * HEARTBEAT_MS : HEARTBEAT_MS;
      const delayMs = first ? first.at - f.startedAt : null;
      return { fault: f.id, scenario: f.scenario, by: first ? `${first.kind} ${first.type}${first.source ? ` (${first.source})` : ""}` : null, delayMs, limitMs, pass: delayMs !== null && delayMs <= limitMs };
    });
}

/** Healings concerning the fault: of its detected failures or of the proposals anticipating it. */
export function healingsOfFault(f: FaultTruth, detections: readonly Detection[], predictions: readonly PredictionRow[], healings: readonly HealingRow[]): HealingRow[] {
  const failures = new Set(detections.filter((d) => d.kind === "failure" && detects(d, f)).map((d) => d.id));
  const anticipating = new Set(predictions.filter((p) => anticipates(p, f)).map((p) => p.id));
  return healings.filter((h) => (h.failure_id !== null && failures.has(h.failure_id)) || (h.prediction_id !== null && anticipating.has(h.prediction_id)));
}

/** Healing success (succeeded / finished as succeeded or failed; cancelled and pending shown apart). */
export function healingSuccess(healings: readonly HealingRow[]) {
  const count = (s: string) => healings.filter((h) => h.status === s).length;
  const succeeded = count("succeeded");
  const failed = count("failed");
  return { succeeded, failed, cancelled: count("cancelled"), open: healings.length - succeeded - failed - count("cancelled"), rate: succeeded + failed ? succeeded / (succeeded + failed) : null };
}

/** Time to repair per fault: its first detected failure's detection to that failure's resolution (null: never resolved). */
export function repairTimes(faults: readonly FaultTruth[], detections: readonly Detection[]) {
  return faults.flatMap((f) => {
    const first = detections.find((d) => d.kind === "failure" && detects(d, f));
    return first ? [{ fault: f.id, scenario: f.scenario, ms: first.resolvedAt === null ? null : first.resolvedAt - first.at }] : [];
  });
}

/** Median of the repaired faults' times (ms), and how many stayed unrepaired. */
export function mttr(times: readonly { ms: number | null }[]) {
  const done = times.flatMap((t) => (t.ms === null ? [] : [t.ms]));
  return { repaired: done.length, unrepaired: times.length - done.length, medianMs: median(done) };
}

/** Health scores while no fault was in effect (from `warmUpMs` after the start; `settleMs` after each fault's end). */
export function faultFreeHealth(samples: readonly HealthSample[], faults: readonly FaultTruth[], startedAt: number, warmUpMs = 60_000, settleMs = 30_000) {
  const free = samples.filter((s) => s.at >= startedAt + warmUpMs && !faults.some((f) => s.at >= f.startedAt && s.at <= faultEnd(f) + settleMs));
  const scores = free.flatMap((s) => (s.score === null ? [] : [s.score]));
  return { samples: free.length, noData: free.length - scores.length, median: median(scores), min: scores.length ? Math.min(...scores) : null, below90: scores.filter((x) => x < 90).length };
}

/** Which stored list an engine event's item belongs to. */
const LIST_OF: Record<string, "failures" | "bottlenecks" | "predictions" | "healings" | "commands"> = {
  "failure.detected": "failures", "bottleneck.detected": "bottlenecks", "bottleneck.updated": "bottlenecks", "bottleneck.resolved": "bottlenecks",
  "prediction.created": "predictions", "prediction.updated": "predictions", "healing.started": "healings", "healing.finished": "healings", "command.updated": "commands",
};

/** Items the socket announced that the HTTP API does not list at the end (engine outputs not stored). */
export function notStored(socket: readonly SocketRecord[], stored: Readonly<Record<"failures" | "bottlenecks" | "predictions" | "healings" | "commands", ReadonlySet<string>>>) {
  const missing = new Map<string, string>();
  for (const r of socket) {
    const list = LIST_OF[r.event];
    if (list && !stored[list].has(r.id)) missing.set(r.id, r.event);
  }
  return { count: missing.size, examples: [...missing].slice(0, 5).map(([id, event]) => `${event} ${id}`) };
}

/** Commands never claimed by the coordinator though issued at least `graceMs` before the end. */
export function notDelivered(healings: readonly HealingRow[], endAt: number, graceMs = 10_000) {
  const missing = healings.flatMap((h) => h.commands.filter((c) => !delivered(c) && ms(c.issued_at)! <= endAt - graceMs).map((c) => `${c.kind} ${c.id} (${c.status})`));
  return { count: missing.length, examples: missing.slice(0, 5) };
}
