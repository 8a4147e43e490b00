// A run's records turned into its measures: totals (each against its target) and one row per fault scenario. Pure.
import { groupOf, HEARTBEAT_MS } from "../fault-groups";
import { median } from "../stats";
import { anticipates, detectionsOf, firstDetection, isProposal } from "./attribution";
import {
  approvalFollowThrough,
  faultFreeHealth,
  healingsOfFault,
  healingSuccess,
  mttr,
  needsOperator,
  notDelivered,
  notStored,
  openFaults,
  outcomePrecision,
  percentile,
  precursorRecall,
  predictionsOfOpenFaults,
  repairTimes,
  suddenDetection,
  unhandled,
} from "./measures";
import type { ProbeResult } from "./probe";
import type { FaultTruth, RunRecord } from "./records";

/** One measure: value (null = no data), its unit and target, and whether the target is met (null = not applicable). */
export type Measure = {
  measure: string;
  value: number | null;
  unit: string;
  target: string;
  pass: boolean | null;
  note?: string | undefined;
};

/** One fault scenario's row. */
export type ScenarioRow = {
  scenario: string;
  group: string;
  faults: number;
  detected: number;
  medianDetectS: number | null;
  predictedAhead: number;
  lateProposals: number;
  healings: string;
  medianRepairS: number | null;
  unrepaired: number;
};

const meets = (v: number | null, ok: (x: number) => boolean) => (v === null ? null : ok(v));

/** The control swarm's health score is judged from this long after its start. */
const CONTROL_WARM_UP_MS = 2 * 60_000;

/** The run's measures, per-scenario rows and counted reasons (`probe`: the latency probe's, when it ran on this run's server). */
export function summarize(r: RunRecord, probe: ProbeResult | null) {
  const detections = detectionsOf(r.failures, r.bottlenecks);
  const follow = approvalFollowThrough(r.decisions, r.healings);
  const late = predictionsOfOpenFaults(r.predictions, openFaults(r.incidents, detections), r.endedAt);
  const gaps = unhandled(detections, r.incidents, r.incidentUpdates, r.endedAt);
  const waiting = needsOperator(r.incidents);
  const precision = outcomePrecision(r.predictions);
  const recall = precursorRecall(r.faults, detections, r.predictions);
  const sudden = suddenDetection(r.faults, detections);
  const healing = healingSuccess(r.healings.filter((h) => h.trigger !== "manual"));
  const repairs = repairTimes(
    r.faults.filter((f) => groupOf(f.scenario) === "sudden"),
    detections,
  );
  const repair = mttr(repairs);
  const health = faultFreeHealth(r.health, r.faults, r.startedAt);
  // The control swarm starts with the run: its first healings (routine task retries) weigh alone until more finish.
  const control = faultFreeHealth(r.controlHealth, [], r.startedAt, CONTROL_WARM_UP_MS);
  const stored = {
    failures: new Set(r.failures.map((x) => x.id)),
    bottlenecks: new Set(r.bottlenecks.map((x) => x.id)),
    predictions: new Set(r.predictions.map((x) => x.id)),
    healings: new Set(r.healings.map((x) => x.id)),
    commands: new Set(r.healings.flatMap((h) => h.commands.map((c) => c.id))),
    incidents: new Set(r.incidents.map((x) => x.id)),
  };
  const lost = notStored(
    r.socket.filter((m) => m.at < r.readAt),
    stored,
  ); // the demo runs on while the lists are read
  const undelivered = notDelivered(r.healings, r.endedAt);
  const delays = sudden.flatMap((s) => (s.delayMs === null ? [] : [s.delayMs / 1000]));
  const at = (xs: readonly number[] | undefined, p: number) => (xs ? percentile(xs, p) : null);
  const hb = HEARTBEAT_MS / 1000;
  const probeNote = probe ? `${probe.latenciesMs.length}/${probe.probes} probes` : "no probe on this server";

  const totals: Measure[] = [
    {
      measure: "approvals → healing with delivered commands or visibly declined",
      value: follow.ratio,
      unit: "",
      target: "100 %",
      pass: r.mode === "approve" ? meets(follow.ratio, (x) => x === 1) : null,
      note: `${follow.acted}/${follow.approvals}: ${follow.healed} delivered, ${follow.declined} declined with a reason (a healing at all: ${follow.started})`,
    },
    {
      measure: "approvals → healing with delivered commands",
      value: follow.approvals ? follow.healed / follow.approvals : null,
      unit: "",
      target: "—",
      pass: null,
      note: `${follow.healed}/${follow.approvals}`,
    },
    {
      measure: "predictions made while their fault was open",
      value: late.count,
      unit: "",
      target: "0",
      pass: late.count === 0,
      note: `${late.proposals} of them proposals`,
    },
    {
      measure: "failures and critical/high bottlenecks unhandled > 30 s",
      value: gaps.over,
      unit: "",
      target: "0",
      pass: gaps.over === 0,
      note: `of ${gaps.items}; median ${gaps.medianS?.toFixed(1) ?? "—"} s, longest ${gaps.maxS?.toFixed(0) ?? "—"} s; no incident seen: ${gaps.neverSeen}`,
    },
    {
      measure: "incidents ending as needs_operator",
      value: waiting.count,
      unit: "",
      target: "—",
      pass: null,
      note: `of ${waiting.of} incidents`,
    },
    {
      measure: "precision (product outcomes, all proposals)",
      value: precision.precision,
      unit: "",
      target: "≥ 0.9",
      pass: meets(precision.precision, (x) => x >= 0.9),
      note: `${precision.truePositives} true, ${precision.falsePositives} false, ${precision.unscored} unscored of ${precision.proposals} proposals`,
    },
    {
      measure: "recall (predicted ahead) [precursor]",
      value: recall.recall,
      unit: "",
      target: "≥ 0.8",
      pass: meets(recall.recall, (x) => x >= 0.8),
      note: `${recall.predictedAhead}/${recall.faults} faults; ${recall.masked} more injected while their symptom was already open (no precursor to see)`,
    },
    {
      measure: "sudden faults within detection limit [sudden]",
      value: sudden.length ? sudden.filter((s) => s.pass).length / sudden.length : null,
      unit: "",
      target: `≤ ${hb} s (silence ≤ 3×)`,
      pass: sudden.length ? sudden.every((s) => s.pass) : null,
      note: `median delay ${median(delays)?.toFixed(1) ?? "—"} s; undetected ${sudden.filter((s) => s.delayMs === null).length}/${sudden.length}`,
    },
    {
      measure: "healing success",
      value: healing.rate,
      unit: "",
      target: "≥ 0.9",
      pass: meets(healing.rate, (x) => x >= 0.9),
      note: `${healing.succeeded} ok, ${healing.failed} failed, ${healing.cancelled} cancelled, ${healing.open} open`,
    },
    {
      measure: "MTTR median [sudden]",
      value: repair.medianMs === null ? null : repair.medianMs / 1000,
      unit: "s",
      target: `≤ ${3 * hb} s`,
      pass: meets(repair.medianMs, (x) => x <= 3 * HEARTBEAT_MS),
      note: `${repair.repaired} repaired, ${repair.unrepaired} never`,
    },
    {
      measure: "health score, fault-free swarm (minimum)",
      value: control.min,
      unit: "",
      target: "≥ 90",
      pass: meets(control.min, (x) => x >= 90),
      note: `control swarm from ${CONTROL_WARM_UP_MS / 60_000} min after its start: median ${control.median ?? "—"}, ${control.below90} below 90 of ${control.samples} ticks, ${control.noData} no data`,
    },
    {
      measure: "health score, demo between faults (minimum)",
      value: health.min,
      unit: "",
      target: "—",
      pass: null,
      note: `from 30 s after a fault ends (its healings stay in the score's 5-minute window): median ${health.median ?? "—"}, ${health.below90} below 90 of ${health.samples} ticks`,
    },
    {
      measure: "accepted → failure.detected on socket p50",
      value: at(probe?.latenciesMs, 50),
      unit: "ms",
      target: "≤ 50 ms",
      pass: meets(at(probe?.latenciesMs, 50), (x) => x <= 50),
      note: probeNote,
    },
    {
      measure: "accepted → failure.detected on socket p99",
      value: at(probe?.latenciesMs, 99),
      unit: "ms",
      target: "≤ 150 ms",
      pass: meets(at(probe?.latenciesMs, 99), (x) => x <= 150),
    },
    {
      measure: "accepted → incident.updated on socket p50",
      value: at(probe?.incidentLatenciesMs, 50),
      unit: "ms",
      target: "—",
      pass: null,
      note: probe ? `${probe.incidentLatenciesMs.length}/${probe.probes} probes` : undefined,
    },
    {
      measure: "accepted → incident.updated on socket p99",
      value: at(probe?.incidentLatenciesMs, 99),
      unit: "ms",
      target: "—",
      pass: null,
    },
    { measure: "engine outputs not stored", value: lost.count, unit: "", target: "0", pass: lost.count === 0 },
    { measure: "commands not delivered", value: undelivered.count, unit: "", target: "0", pass: undelivered.count === 0 },
  ];

  const row = (scenario: string, group: string, fs: FaultTruth[]): ScenarioRow => {
    const firsts = fs.map((f) => ({ f, d: firstDetection(f, detections) }));
    const hs = healingSuccess(fs.flatMap((f) => healingsOfFault(f, detections, r.predictions, r.healings)));
    const rep = mttr(repairTimes(fs, detections));
    const lateIds = new Set(late.items.filter((l) => l.proposal).map((l) => l.prediction));
    return {
      scenario,
      group,
      faults: fs.length,
      detected: firsts.filter((x) => x.d).length,
      medianDetectS: median(firsts.flatMap((x) => (x.d ? [(x.d.at - x.f.startedAt) / 1000] : []))),
      predictedAhead: firsts.filter(({ f, d }) =>
        r.predictions.some((p) => isProposal(p) && anticipates(p, f) && (d === null || Date.parse(p.predicted_at) < d.at)),
      ).length,
      lateProposals: r.predictions.filter((p) => lateIds.has(p.id) && fs.some((f) => anticipates(p, f))).length,
      healings: `${hs.succeeded}/${hs.failed}/${hs.cancelled}/${hs.open}`,
      medianRepairS: rep.medianMs === null ? null : rep.medianMs / 1000,
      unrepaired: rep.unrepaired,
    };
  };
  const names = [...new Set(r.faults.map((f) => f.scenario))].sort();
  const scenarios = [
    ...names.map((n) =>
      row(
        n,
        groupOf(n),
        r.faults.filter((f) => f.scenario === n),
      ),
    ),
    ...(["precursor", "sudden"] as const).map((g) =>
      row(
        `all ${g}`,
        g,
        r.faults.filter((f) => groupOf(f.scenario) === g),
      ),
    ),
    row("all faults", "", r.faults),
  ];
  return {
    totals,
    scenarios,
    lists: { needsOperator: waiting.reasons, declined: follow.declinedReasons },
    details: {
      sudden,
      unhandled: gaps.worst,
      predictionsOfOpenFaults: late.items.slice(0, 20),
      notStored: lost.examples,
      notDelivered: undelivered.examples,
      outcomes: precision.byOutcome,
    },
  };
}
