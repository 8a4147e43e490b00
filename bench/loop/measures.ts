// The live loop's measures as pure functions of one run's records. Each reads the contract's items loosely, so new
// statuses, outcomes and fields pass through; the one function that interprets a state is the one to adapt.
import { median } from "../stats";
import { detectionLimitMs, groupOf } from "../fault-groups";
import { anticipates, type Detection, detects, faultEnd, firstDetection, isProposal, masked } from "./attribution";
import type {
  DecisionRecord,
  FaultTruth,
  HealingRow,
  HealthSample,
  IncidentRow,
  IncidentUpdate,
  PredictionRow,
  SocketRecord,
} from "./records";

const ms = (iso: string | null | undefined) => (iso ? Date.parse(iso) : null);

/** The p-th percentile (0–100, nearest rank) of `xs`, or null when empty. */
export function percentile(xs: readonly number[], p: number): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil((p / 100) * s.length) - 1))]!;
}

/** A command reached the coordinator: it was claimed at least once (a result implies a claim). */
export const delivered = (c: { status: string; attempts: number }) =>
  c.attempts > 0 || ["dispatched", "acknowledged", "succeeded", "failed"].includes(c.status);

/** A reason with its variable parts (ids, numbers) masked, so that reasons can be counted. */
export const reasonKind = (reason: string | null) =>
  (reason ?? "(no reason)").replace(/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}/gi, "<id>").replace(/\d+/g, "N");

/** How often each (masked) reason occurs, most frequent first. */
export function countReasons(reasons: readonly (string | null)[]): [string, number][] {
  const counts = new Map<string, number>();
  for (const r of reasons) counts.set(reasonKind(r), (counts.get(reasonKind(r)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
}

/** Final approvals (HTTP 200 that closed the item) and what each led to: a healing (of the approved healing, or with the
 * proposal as its prediction_id) whose commands reached the coordinator, or one cancelled with a reason (visibly
 * declined); `acted` counts both. */
export function approvalFollowThrough(decisions: readonly DecisionRecord[], healings: readonly HealingRow[]) {
  const approvals = decisions.filter((d) => d.decision === "approve" && d.final && d.status === 200);
  const healingOf = (d: DecisionRecord) =>
    d.kind === "healing" ? healings.filter((h) => h.id === d.id) : healings.filter((h) => h.prediction_id === d.id);
  const declinedBy = (d: DecisionRecord) => healingOf(d).find((h) => h.status === "cancelled" && h.reason);
  const started = approvals.filter((d) => healingOf(d).length > 0).length;
  const healed = approvals.filter((d) => healingOf(d).some((h) => h.commands.some(delivered)));
  const declined = approvals.filter((d) => !healed.includes(d) && declinedBy(d));
  const acted = healed.length + declined.length;
  return {
    approvals: approvals.length,
    started,
    healed: healed.length,
    declined: declined.length,
    acted,
    declinedReasons: countReasons(declined.map((d) => declinedBy(d)!.reason)),
    ratio: approvals.length ? acted / approvals.length : null,
  };
}

/** Detected failure types that are the fault a prediction of a type names, besides the type itself (docs/decisions.md#d15). */
const SAME_FAULT: Readonly<Record<string, readonly string[]>> = {
  task_failed: ["task_timeout"],
  token_exhaustion: ["resource_exhaustion"],
  memory_exhaustion: ["resource_exhaustion"],
  consensus_failed: ["quorum_loss", "consensus_timeout"],
};

/** A fault as open from `from` until `to` (null: still open at the end). */
export type OpenFault = { id: string; failureType: string; agentId: string | null; from: number; to: number | null };

/** The faults the product knew of: every incident, plus any detection whose incident the API does not list. */
export function openFaults(incidents: readonly IncidentRow[], detections: readonly Detection[]): OpenFault[] {
  const listed = new Set(incidents.map((i) => i.id));
  return [
    ...incidents.map((i) => ({
      id: i.id,
      failureType: i.failure_type,
      agentId: i.agent_id,
      from: Date.parse(i.opened_at),
      to: ms(i.resolved_at),
    })),
    ...detections
      .filter((d) => !listed.has(d.incidentId))
      .map((d) => ({ id: d.incidentId, failureType: d.type, agentId: d.agentId, from: d.at, to: d.resolvedAt })),
  ];
}

/** Whether a prediction names an open fault: the same (or a confirming) type, on its agent (any when the prediction names none). */
export const predictsFault = (p: PredictionRow, f: OpenFault) =>
  (p.failure_type === f.failureType || (SAME_FAULT[p.failure_type]?.includes(f.failureType) ?? false)) &&
  (p.agent_id === null || p.agent_id === f.agentId);

/** Predictions (proposals and observations) created while a fault they name was open (from its detection, inclusive,
 * until its resolution or `endAt`): a report of the present, not a prediction. */
export function predictionsOfOpenFaults(predictions: readonly PredictionRow[], faults: readonly OpenFault[], endAt: number) {
  const items = predictions.flatMap((p) => {
    const at = Date.parse(p.predicted_at);
    const open = faults.find((f) => predictsFault(p, f) && f.from <= at && at < (f.to ?? endAt));
    return open
      ? [
          {
            prediction: p.id,
            proposal: isProposal(p),
            failureType: p.failure_type,
            agentId: p.agent_id,
            incident: open.id,
            afterMs: at - open.from,
          },
        ]
      : [];
  });
  return { count: items.length, proposals: items.filter((x) => x.proposal).length, items };
}

/** Incident states in which a fault is handled or says why not (healing, decision, recovering, needs an operator, resolved). */
const HANDLED = ["healing", "awaiting_decision", "recovering", "needs_operator", "resolved"];
/** The state an incident is opened in before the healer routed it: not yet an answer. */
const UNROUTED = "not yet routed to a healing";

/** Whether an incident state is an answer to its fault. */
export const handled = (state: string, reason: string | null) => HANDLED.includes(state) && reason !== UNROUTED;

/** Seconds each failure and critical/high bottleneck spent before its incident was handled (healing, awaiting a
 * decision, recovering, needs an operator, resolved), from the incident.updated messages and the final incident list;
 * an incident never seen counts until `endAt`. The failure the engine makes of a bottleneck is that bottleneck's. */
export function unhandled(
  detections: readonly Detection[],
  incidents: readonly IncidentRow[],
  updates: readonly IncidentUpdate[],
  endAt: number,
  limitS = 30,
) {
  const faults = new Map<string, Detection>();
  for (const d of detections) {
    if (d.kind === "bottleneck" && d.severity !== "critical" && d.severity !== "high") continue;
    const known = faults.get(d.incidentId);
    if (!known || d.at < known.at) faults.set(d.incidentId, d);
  }
  const marks = new Map<string, number>();
  const mark = (id: string, at: number) => marks.set(id, Math.min(marks.get(id) ?? Infinity, at));
  for (const u of updates) if (handled(u.state, u.reason)) mark(u.id, u.updatedAt);
  for (const i of incidents) {
    if (handled(i.state, i.reason)) mark(i.id, Date.parse(i.updated_at));
    if (i.resolved_at) mark(i.id, Date.parse(i.resolved_at));
  }
  const gaps = [...faults.entries()].map(([id, d]) => ({
    incident: id,
    kind: d.kind,
    type: d.type,
    seen: marks.has(id),
    s: Math.max(0, Math.min(endAt, marks.get(id) ?? endAt) - d.at) / 1000,
  }));
  const over = gaps.filter((g) => g.s > limitS);
  return {
    items: gaps.length,
    over: over.length,
    neverSeen: gaps.filter((g) => !g.seen).length,
    maxS: gaps.length ? Math.max(...gaps.map((g) => g.s)) : null,
    medianS: median(gaps.map((g) => g.s)),
    worst: over.sort((a, b) => b.s - a.s).slice(0, 5),
  };
}

/** Incidents whose final state is needs_operator, with their reasons counted. */
export function needsOperator(incidents: readonly IncidentRow[]) {
  const waiting = incidents.filter((i) => i.state === "needs_operator");
  return { count: waiting.length, of: incidents.length, reasons: countReasons(waiting.map((i) => i.reason)) };
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
  return {
    proposals: proposals.length,
    truePositives: tp,
    falsePositives: fp,
    unscored: proposals.length - tp - fp,
    byOutcome,
    precision: tp + fp ? tp / (tp + fp) : null,
  };
}

/** Recall of precursor faults: a proposal anticipated the fault strictly before its first detection (or it was never
 * detected). Faults injected while their own symptom was already open (`masked`, e.g. a flood into a backlog that an
 * exhausted token budget keeps open) have no precursor in the data: counted apart, not in the recall. */
export function precursorRecall(faults: readonly FaultTruth[], detections: readonly Detection[], predictions: readonly PredictionRow[]) {
  const all = faults.filter((f) => groupOf(f.scenario) === "precursor");
  const precursor = all.filter((f) => !masked(f, detections));
  const ahead = precursor.filter((f) => {
    const first = firstDetection(f, detections);
    return predictions.some((p) => isProposal(p) && anticipates(p, f) && (first === null || Date.parse(p.predicted_at) < first.at));
  });
  return {
    faults: precursor.length,
    masked: all.length - precursor.length,
    predictedAhead: ahead.length,
    recall: precursor.length ? ahead.length / precursor.length : null,
  };
}

/** Detection delay of each sudden fault, against one heartbeat interval (k intervals when detected by silence). */
export function suddenDetection(faults: readonly FaultTruth[], detections: readonly Detection[]) {
  return faults
    .filter((f) => groupOf(f.scenario) === "sudden")
    .map((f) => {
      const first = firstDetection(f, detections);
      const limitMs = detectionLimitMs(first?.source ?? null);
      const delayMs = first ? first.at - f.startedAt : null;
      return {
        fault: f.id,
        scenario: f.scenario,
        by: first ? `${first.kind} ${first.type}${first.source ? ` (${first.source})` : ""}` : null,
        delayMs,
        limitMs,
        pass: delayMs !== null && delayMs <= limitMs,
      };
    });
}

/** Healings concerning the fault: of its detected failures or of the proposals anticipating it. */
export function healingsOfFault(
  f: FaultTruth,
  detections: readonly Detection[],
  predictions: readonly PredictionRow[],
  healings: readonly HealingRow[],
): HealingRow[] {
  const failures = new Set(detections.filter((d) => d.kind === "failure" && detects(d, f)).map((d) => d.id));
  const anticipating = new Set(predictions.filter((p) => anticipates(p, f)).map((p) => p.id));
  return healings.filter(
    (h) => (h.failure_id !== null && failures.has(h.failure_id)) || (h.prediction_id !== null && anticipating.has(h.prediction_id)),
  );
}

/** Healing success (succeeded / finished as succeeded or failed; cancelled and pending shown apart). */
export function healingSuccess(healings: readonly HealingRow[]) {
  const count = (s: string) => healings.filter((h) => h.status === s).length;
  const succeeded = count("succeeded");
  const failed = count("failed");
  return {
    succeeded,
    failed,
    cancelled: count("cancelled"),
    open: healings.length - succeeded - failed - count("cancelled"),
    rate: succeeded + failed ? succeeded / (succeeded + failed) : null,
  };
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
export function faultFreeHealth(
  samples: readonly HealthSample[],
  faults: readonly FaultTruth[],
  startedAt: number,
  warmUpMs = 60_000,
  settleMs = 30_000,
) {
  const free = samples.filter(
    (s) => s.at >= startedAt + warmUpMs && !faults.some((f) => s.at >= f.startedAt && s.at <= faultEnd(f) + settleMs),
  );
  const scores = free.flatMap((s) => (s.score === null ? [] : [s.score]));
  return {
    samples: free.length,
    noData: free.length - scores.length,
    median: median(scores),
    min: scores.length ? Math.min(...scores) : null,
    below90: scores.filter((x) => x < 90).length,
  };
}

/** The lists the HTTP API stores engine outputs in. */
type StoredList = "failures" | "bottlenecks" | "predictions" | "healings" | "commands" | "incidents";

/** Which stored list an engine event's item belongs to. */
const LIST_OF: Record<string, StoredList> = {
  "failure.detected": "failures",
  "bottleneck.detected": "bottlenecks",
  "bottleneck.updated": "bottlenecks",
  "bottleneck.resolved": "bottlenecks",
  "prediction.created": "predictions",
  "prediction.updated": "predictions",
  "healing.started": "healings",
  "healing.finished": "healings",
  "command.updated": "commands",
  "incident.updated": "incidents",
};

/** Items the socket announced that the HTTP API does not list at the end (engine outputs not stored). */
export function notStored(socket: readonly SocketRecord[], stored: Readonly<Record<StoredList, ReadonlySet<string>>>) {
  const missing = new Map<string, string>();
  for (const r of socket) {
    const list = LIST_OF[r.event];
    if (list && !stored[list].has(r.id)) missing.set(r.id, r.event);
  }
  return { count: missing.size, examples: [...missing].slice(0, 5).map(([id, event]) => `${event} ${id}`) };
}

/** Commands never claimed by the coordinator though issued at least `graceMs` before the end. */
export function notDelivered(healings: readonly HealingRow[], endAt: number, graceMs = 10_000) {
  const missing = healings.flatMap((h) =>
    h.commands.filter((c) => !delivered(c) && ms(c.issued_at)! <= endAt - graceMs).map((c) => `${c.kind} ${c.id} (${c.status})`),
  );
  return { count: missing.length, examples: missing.slice(0, 5) };
}
