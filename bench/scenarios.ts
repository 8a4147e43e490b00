// Scenario benchmark (`npm run bench:scenarios [-- --quick]`): every fault scenario and the control run, on the
// virtual clock through validation, engine and simulator-as-coordinator, scored against the injected ground truth.
// Prints a table per run, the false alarms by source, precursor faults on prediction and sudden faults on detection
// and repair, and the totals against their targets; writes JSON to bench/results/.
import fs from "node:fs";
import path from "node:path";
import { SCENARIO_NAMES } from "../lib/simulator/model";
import { PRECURSOR, SUDDEN } from "./fault-groups";
import { markdown } from "./report";
import { runScenario, TIMING } from "./scenarios-run";
import { precursorTotals, type RunScore, scoreRun, suddenTotals, totals, type Total } from "./scenarios-score";
import { median } from "./stats";

const quick = process.argv.includes("--quick");
const SEEDS = quick ? [1] : [1, 2, 3, 4, 5];

const sec = (ms: number | null) => (ms === null ? "—" : `${Math.round(ms / 1000)} s`);
const tallyText = (t: RunScore["healing"]) => `${t.succeeded}/${t.failed}/${t.refused}/${t.skipped}`;

const LEGEND = [
  "healing = automatic healings of the fault's detected failures, ok/failed/refused by the hourly cap/skipped; MTTR = their recovery_ms (docs/decisions.md#d17).",
  "prevent = preventive healings of proposals that matched the fault (every proposal still open is approved). ✓ / late / ✗ = proposals that matched the fault before its first detection / at or after it (not a hit) / matched none.",
  "approvals = approvals of open proposals; no healing = those that produced neither a healing.started nor a cancelled healing.finished.",
  "fault cleared = ground truth: the cause was removed (restart, drain, memory relieved, quorum back); n/a for a flood (external load) and the control.",
  "queue at end = ground truth: tasks queued when the run ends, with the priorities still paused.",
].join("\n");

/** One progress line for a finished run. */
function progress(s: RunScore, wallMs: number): string {
  const detected = s.detectDelayMs === null ? "not detected" : `detected in ${sec(s.detectDelayMs)} (${s.detectedBy})`;
  const lead = s.predictedAhead ? `predicted ahead (lead ${sec(s.leadMs)})` : "not predicted ahead";
  return `${s.scenario} seed ${s.seed}: ${detected}, ${lead}, ${s.matched} matched / ${s.late} late / ${s.falseAlarms.length} false predictions, healing ${tallyText(s.healing)} [${Math.round(wallMs)} ms]`;
}

/** The per-run table. */
function runTable(scores: RunScore[]): string {
  const head = [
    "scenario",
    "seed",
    "target",
    "detected",
    "delay",
    "detected by",
    "predicted ahead",
    "lead",
    "predictions ✓ / late / ✗",
    "approvals (no healing)",
    "healing ok/fail/cap/skip",
    "MTTR (median)",
    "prevent ok/fail/cap/skip",
    "fault cleared after",
    "queue at end (paused)",
  ];
  const body = scores.map((s) => [
    s.scenario,
    String(s.seed),
    s.targets.length > 2 ? `${s.targets.length} voters` : s.targets.join(",") || "—",
    s.scenario === "control" ? "—" : s.detectDelayMs === null ? "no" : "yes",
    sec(s.detectDelayMs),
    s.detectedBy ?? "—",
    s.scenario === "control" ? "—" : s.predictedAhead ? `yes (${s.leadSource})` : "no",
    sec(s.leadMs),
    `${s.matched} / ${s.late} / ${s.falseAlarms.length}`,
    `${s.approvals} (${s.approvalsWithoutHealing.length})`,
    tallyText(s.healing),
    sec(median(s.healingRecoveryMs)),
    tallyText(s.preventive),
    s.scenario === "queue_flood" || s.scenario === "control" ? "n/a" : sec(s.clearedMs),
    `${s.queueAtEnd.pending}${s.queueAtEnd.paused.length > 0 ? ` (${s.queueAtEnd.paused.join(",")})` : ""}`,
  ]);
  return markdown(head, body);
}

/** False alarms grouped by phase, source and predicted type, with one example reasoning each. */
function falseAlarmGroups(
  scores: RunScore[],
): { phase: string; source: string; failureType: string; count: number; runs: string[]; example: string }[] {
  const groups = new Map<
    string,
    { phase: string; source: string; failureType: string; count: number; runs: Set<string>; example: string }
  >();
  for (const s of scores) {
    for (const a of s.falseAlarms) {
      const key = `${a.phase}|${a.source}|${a.failureType}`;
      const g = groups.get(key) ?? {
        phase: a.phase,
        source: a.source,
        failureType: a.failureType,
        count: 0,
        runs: new Set<string>(),
        example: `t=${a.atS} s: ${a.reasoning}`,
      };
      g.count++;
      g.runs.add(`${s.scenario}#${s.seed}`);
      groups.set(key, g);
    }
  }
  return [...groups.values()].sort((a, b) => b.count - a.count).map((g) => ({ ...g, runs: [...g.runs] }));
}

/** The totals table. */
function totalsTable(rows: Total[]): string {
  const fmt = (t: Total) =>
    t.value === null
      ? "n/a"
      : t.unit === "s"
        ? `${t.value.toFixed(1)} s`
        : Number.isInteger(t.value)
          ? String(t.value)
          : t.value.toFixed(2);
  return markdown(
    ["measure", "value", "target", "result"],
    rows.map((t) => [t.measure, fmt(t), t.target, t.pass === null ? "context" : t.pass ? "PASS" : "MISS"]),
  );
}

/** Writes `data` to bench/results/scenarios-<ISO timestamp>.json; returns the path. */
function writeJson(data: unknown, at: Date): string {
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `scenarios-${at.toISOString().replaceAll(":", "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return file;
}

function main(): void {
  const started = new Date();
  console.log(
    `Scenario benchmark: ${SCENARIO_NAMES.length} scenarios × seeds ${SEEDS.join(", ")}; warm-up ${TIMING.warmupMs / 1000} s, fault lasts ${TIMING.faultMs / 1000} s unless healed, run ${TIMING.afterMs / 1000} s after injection\n`,
  );
  const scores: RunScore[] = [];
  for (const scenario of SCENARIO_NAMES) {
    for (const seed of SEEDS) {
      const t0 = performance.now();
      const score = scoreRun(runScenario(scenario, seed));
      scores.push(score);
      console.log(progress(score, performance.now() - t0));
    }
  }
  const sums = totals(scores);
  const precursor = precursorTotals(scores);
  const sudden = suddenTotals(scores);
  const alarms = falseAlarmGroups(scores);
  console.log(`\n## Runs\n\n${LEGEND}\n\n${runTable(scores)}`);
  const alarmRows = alarms.map((g) => [g.phase, g.source, g.failureType, String(g.count), String(g.runs.length), g.example.slice(0, 110)]);
  console.log(
    `\n## Predictions ≥ threshold that matched no fault\n\n${markdown(["phase", "source", "predicted type", "count", "runs", "example"], alarmRows)}`,
  );
  const reasons = [...new Set(scores.flatMap((s) => s.healingReasons.map((r) => `${s.scenario}: ${r}`)))];
  if (reasons.length > 0) console.log(`\n## Healings of fault failures that did not succeed\n\n${reasons.map((r) => `- ${r}`).join("\n")}`);
  const declined = [...new Set(scores.flatMap((s) => s.approvalsDeclined.map((r) => `${s.scenario}: ${r}`)))];
  if (declined.length > 0) console.log(`\n## Approvals answered by a cancelled healing\n\n${declined.map((r) => `- ${r}`).join("\n")}`);
  console.log(`\n## Precursor faults (${PRECURSOR.join(", ")}): prediction\n\n${totalsTable(precursor)}`);
  console.log(`\n## Sudden faults (${SUDDEN.join(", ")}): detection and repair\n\n${totalsTable(sudden)}`);
  console.log(`\n## All runs\n\n${totalsTable(sums)}`);
  const invalid = scores.reduce((n, s) => n + s.invalid, 0);
  if (invalid > 0) console.log(`\nWARNING: ${invalid} simulated events failed ingest validation`);
  const file = writeJson(
    { startedAt: started.toISOString(), seeds: SEEDS, timing: TIMING, precursor, sudden, totals: sums, falseAlarms: alarms, runs: scores },
    started,
  );
  console.log(`\nResults: ${path.relative(process.cwd(), file)} (${((Date.now() - started.getTime()) / 1000).toFixed(1)} s)`);
}

main();
