// A run's records turned into its measures: totals (each against its target) and one row per fault scenario. Pure.
import { median } from "../stats";
import { anticipates, detectionsOf, firstDetection, groupOf, HEARTBEAT_MS, isProposal } from "./attribution";
import {
  approvalFollowThrough, faultFreeHealth, healingsOfFault, healingSuccess, mttr, notDelivered, notStored, outcomePrecision, percentile,
  precursorRecall, predictionsAfterDetection, repairTimes, suddenDetection, unattended,
} from "./measures";
import type { FaultTruth, RunRecord } from "./records";

/** One measure: value (null = no data), its unit and target, and whether the target is met (null = not applicable). */
export type Measure = { measure: string; value: number | null; unit: string; target: string; pass: boolean | null; note?: string };

/** One fault scenario's row. */
export type ScenarioRow = {
  scenario: string; group: string; faults: number; detected: number; medianDetectS: number | null; predictedAhead: number; lateProposals: number;
  healings: string; medianRepairS: number | null; unrepaired: number;
};

const meets = (v: number | null, ok: (x: number) => boolean) => (v === null ? null : ok(v));

/** The run's measures and per-scenario rows (`latenciesMs`: the probe's, when it ran on this run's server). */
export function summarize(r: RunRecord, latenciesMs: readonly number[] | null) {
  const detections = detectionsOf(r.failures, r.bottlenecks);
  const items = new Map<string, Record<string, unknown>>([...r.failures, ...r.bottlenecks].map((x) => [x.id, x]));
  const follow = approvalFollowThrough(r.decisions, r.healings);
  const late = predictionsAfterDetection(r.faults, detections, r.predictions);
  const gaps = unattended(detections, items, r.healings, r.endedAt);
  const precision = outcomePrecision(r.predictions);
  const recall = precursorRecall(r.faults, detections, r.predictions);
  const sudden = suddenDetection(r.faults, detections);
  const healing = healingSuccess(r.healings.filter((h) => h.trigger !== "manual"));
  const repairs = repairTimes(r.faults.filter((f) => groupOf(f.scenario) === "sudden"), detections);
  const repair = mttr(repairs);
  const health = faultFreeHealth(r.health, r.faults, r.startedAt);
  const stored = {
    failures: new Set(r.failures.map((x) => x.id)), bottlenecks: new Set(r.bottlenecks.map((x) => x.id)), predictions: new Set(r.predictions.map((x) => x.id)),
    healings: new Set(r.healings.map((x) => x.id)), commands: new Set(r.healings.flatMap((h) => h.commands.map((c) => c.id))),
  };
  const lost = notStored(r.socket, stored);
  const undelivered = notDelivered(r.healings, r.endedAt);
  const delays = sudden.flatMap((s) => (s.delayMs === null ? [] : [s.delayMs / 1000]));
  const p50 = latenciesMs ? percentile(latenciesMs, 50) : null;
  const p99 = latenciesMs ? percentile(latenciesMs, 99) : null;
  const hb = HEARTBEAT_MS / 1000;

  const totals: Measure[] = [
    { measure: "approvals → healing with delivered commands", value: follow.ratio, unit: "", target: "100 %", pass: r.mode === "approve" ? meets(follow.ratio, (x) => x === 1) : null, note: `${follow.healed}/${follow.approvals} (a healing at all: ${follow.started})` },
    { measure: "proposals made after their fault was detected", value: late.count, unit: "", target: "0", pass: late.count === 0 },
    { measure: "critical/high detections unattended > 30 s", value: gaps.over, unit: "", target: "0", pass: gaps.over === 0, note: `of ${gaps.items}; longest ${gaps.maxS?.toFixed(0) ?? "—"} s` },
    { measure: "precision (product outcomes, all proposals)", value: precision.precision, unit: "", target: "≥ 0.9", pass: meets(precision.precision, (x) => x >= 0.9), note: `${precision.truePositives} true, ${precision.falsePositives} false, ${precision.unscored} unscored of ${precision.proposals} proposals` },
    { measure: "recall (predicted ahead) [precursor]", value: recall.recall, unit: "", target: "≥ 0.8", pass: meets(recall.recall, (x) => x >= 0.8), note: `${recall.predictedAhead}/${recall.faults} faults` },
    { measure: "sudden faults within detection limit [sudden]", value: sudden.length ? sudden.filter((s) => s.pass).length / sudden.length : null, unit: "", target: `≤ ${hb} s (silence ≤ 3×)`, pass: sudden.length ? sudden.every((s) => s.pass) : null, note: `median delay ${median(delays)?.toFixed(1) ?? "—"} s; undetected ${sudden.filter((s) => s.delayMs === null).length}/${sudden.length}` },
    { measure: "healing success", value: healing.rate, unit: "", target: "≥ 0.9", pass: meets(healing.rate, (x) => x >= 0.9), note: `${healing.succeeded} ok, ${healing.failed} failed, ${healing.cancelled} cancelled, ${healing.open} open` },
    { measure: "MTTR median [sudden]", value: repair.medianMs === null ? null : repair.medianMs / 1000, unit: "s", target: `≤ ${3 * hb} s`, pass: meets(repair.medianMs, (x) => x <= 3 * HEARTBEAT_MS), note: `${repair.repaired} repaired, ${repair.unrepaired} never` },
    { measure: "health score, fault-free (minimum)", value: health.min, unit: "", target: "≥ 90", pass: meets(health.min, (x) => x >= 90), note: `median ${health.median ?? "—"}, ${health.below90} below 90 of ${health.samples} ticks, ${health.noData} no data` },
    { measure: "accepted → detected on socket p50", value: p50, unit: "ms", target: "≤ 50 ms", pass: meets(p50, (x) => x <= 50) },
    { measure: "accepted → detected on socket p99", value: p99, unit: "ms", target: "≤ 150 ms", pass: meets(p99, (x) => x <= 150) },
    { measure: "engine outputs not stored", value: lost.count, unit: "", target: "0", pass: lost.count === 0 },
    { measure: "commands not delivered", value: undelivered.count, unit: "", target: "0", pass: undelivered.count === 0 },
  ];

  const row = (scenario: string, group: string, fs: FaultTruth[]): ScenarioRow => {
    const firsts = fs.map((f) => ({ f, d: firstDetection(f, detections) }));
    const hs = healingSuccess(fs.flatMap((f) => healingsOfFault(f, detections, r.predictions, r.healings)));
    const rep = mttr(repairTimes(fs, detections));
    return {
      scenario, group, faults: fs.length, detected: firsts.filter((x) => x.d).length,
      medianDetectS: median(firsts.flatMap((x) => (x.d ? [(x.d.at - x.f.startedAt) / 1000] : []))),
      predictedAhead: firsts.filter(({ f, d }) => r.predictions.some((p) => isProposal(p) && anticipates(p, f) && (d === null || Date.parse(p.predicted_at) <= d.at))).length,
      lateProposals: new Set(late.items.filter((l) => fs.some((f) => f.id === l.fault)).map((l) => l.prediction)).size,
      healings: `${hs.succeeded}/${hs.failed}/${hs.cancelled}/${hs.open}`,
      medianRepairS: rep.medianMs === null ? null : rep.medianMs / 1000, unrepaired: rep.unrepaired,
    };
  };
  const names = [...new Set(r.faults.map((f) => f.scenario))].sort();
  const scenarios = [
    ...names.map((n) => row(n, groupOf(n), r.faults.filter((f) => f.scenario === n))),
    ...(["precursor", "sudden"] as const).map((g) => row(`all ${g}`, g, r.faults.filter((f) => groupOf(f.scenario) === g))),
    row("all faults", "", r.faults),
  ];
  return { totals, scenarios, details: { sudden, unattended: gaps.worst, notStored: lost.examples, notDelivered: undelivered.examples, outcomes: precision.byOutcome } };
}
