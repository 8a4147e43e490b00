// Presentation of the live loop: one totals table (approve-all beside reject-all, each measure against its target),
// one per-scenario table per run, and the JSON results file.
import fs from "node:fs";
import path from "node:path";
import { markdown } from "../report";
import type { RunOutput } from "./run";
import type { Measure, ScenarioRow } from "./summarize";

/** A summarized run. */
export type Summary = {
  mode: string;
  totals: Measure[];
  scenarios: ScenarioRow[];
  lists: { needsOperator: [string, number][]; declined: [string, number][] };
  details: unknown;
};

const num = (v: number | null, unit: string) =>
  v === null ? "—" : `${Number.isInteger(v) ? v : v.toFixed(unit === "ms" ? 1 : 2)}${unit ? ` ${unit}` : ""}`;
const verdict = (p: boolean | null) => (p === null ? "" : p ? "✓" : "✗");

/** The totals of both runs side by side. */
export function totalsTable(runs: readonly Summary[]): string {
  const head = ["measure", "target", ...runs.flatMap((r) => [`${r.mode}-all`, ""]), "notes"];
  const body = runs[0]!.totals.map((m, i) => [
    m.measure,
    m.target,
    ...runs.flatMap((r) => [num(r.totals[i]!.value, r.totals[i]!.unit), verdict(r.totals[i]!.pass)]),
    runs
      .map((r) => (r.totals[i]!.note ? `${r.mode}: ${r.totals[i]!.note}` : ""))
      .filter(Boolean)
      .join("; "),
  ]);
  return markdown(head, body);
}

/** One run's rows per fault scenario. */
export function scenarioTable(s: Summary): string {
  const head = [
    "scenario",
    "group",
    "faults",
    "detected",
    "median delay",
    "predicted ahead",
    "late proposals",
    "healings ok/failed/cancelled/open",
    "median repair",
    "unrepaired",
  ];
  return markdown(
    head,
    s.scenarios.map((r) => [
      r.scenario,
      r.group,
      String(r.faults),
      String(r.detected),
      num(r.medianDetectS, "s"),
      String(r.predictedAhead),
      String(r.lateProposals),
      r.healings,
      num(r.medianRepairS, "s"),
      String(r.unrepaired),
    ]),
  );
}

/** Writes bench/results/loop-<time>.json (records included, so measures can be recomputed); returns its path. */
export function writeResults(options: unknown, summaries: readonly Summary[], outputs: readonly RunOutput[]): string {
  const file = path.resolve(import.meta.dirname, "..", "results", `loop-${new Date().toISOString().replace(/[:.]/g, "-")}.json`);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, JSON.stringify({ options, summaries, runs: outputs }, null, 1) + "\n");
  return file;
}
