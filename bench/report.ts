// Presentation of the benchmark: the aligned Markdown results table and the JSON results file.
import fs from "node:fs";
import path from "node:path";
import { cpuPerUnit, type CpuUsage } from "./cpu";
import { mean } from "./stats";

/** One compared measure: our figure against a baseline from the same run. */
export type Row = {
  measure: string;
  value: number;
  unit: string;
  latency?: { p50: number; p99: number };
  baselineLabel: string;
  baseline: number;
  baselineUnit: string;
  baselineLatency?: { p50: number; p99: number };
  /** Required ratio; absent for rows shown for context only. */
  target?: number;
  /** The ratio when it is not value / baseline (e.g. the median of several rounds' ratios). */
  ratio?: number;
};

const int = (n: number) => Math.round(n).toLocaleString("en-US");
const ms = (l?: { p50: number; p99: number }) => (l ? `${l.p50} / ${l.p99} ms` : "—");

/** value / baseline, and whether it meets the target ratio. */
export function ratio(r: Row): { ratio: number; pass: boolean } {
  const x = r.ratio ?? (r.baseline > 0 ? r.value / r.baseline : 0);
  return { ratio: x, pass: r.target === undefined || x >= r.target };
}

/** An aligned Markdown table. */
export function markdown(head: string[], body: string[][]): string {
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...body.map(line)].join("\n");
}

/** The compared measures as a Markdown table. */
export function table(rows: Row[]): string {
  const head = ["measure", "value", "p50 / p99", "baseline (same run)", "baseline p50 / p99", "ratio", "target", "result"];
  const body = rows.map((r) => {
    const { ratio: x, pass } = ratio(r);
    return [
      r.measure,
      `${int(r.value)} ${r.unit}`,
      ms(r.latency),
      `${r.baselineLabel} ${int(r.baseline)} ${r.baselineUnit}`,
      ms(r.baselineLatency),
      `${x.toFixed(2)}×`,
      r.target === undefined ? "—" : `≥ ${r.target}×`,
      r.target === undefined ? "context" : pass ? "PASS" : "MISS",
    ];
  });
  return markdown(head, body);
}

/** A phase's rate and the CPU it got. */
export type Cost = { phase: string; perS: number; unit: string; cpu: CpuUsage | null };

/** Who used the cores in each phase, and CPU µs per unit of work (steadier than rates on a shared machine). */
export function cpuTable(costs: Cost[]): string {
  const head = [
    "phase",
    "rate",
    "cores: machine = app + Postgres + load gen + other",
    "stolen by the host",
    "CPU µs/unit: app, Postgres, load gen",
  ];
  const body = costs.map(({ phase, perS, unit, cpu }) => {
    const per = cpuPerUnit(cpu, perS);
    const us = (cores: number, v: number) => (cores < 0.05 ? "—" : String(v));
    return [
      phase,
      `${int(perS)} ${unit}`,
      cpu ? `${cpu.machine} = ${cpu.app} + ${cpu.postgres} + ${cpu.loadgen} + ${cpu.other}` : "n/a",
      cpu ? String(cpu.steal) : "n/a",
      cpu && per ? `${us(cpu.app, per.app)}, ${us(cpu.postgres, per.postgres)}, ${us(cpu.loadgen, per.loadgen)}` : "n/a",
    ];
  });
  return markdown(head, body);
}

/** One round's figures and ratios (see bench/ingest.ts). */
export type RoundFigures = {
  round: number;
  batch: number;
  copyKeyed: number;
  copy: number;
  single: number;
  rawSingle: number;
  batchRatio: number;
  batchRatioEventsOnly: number;
  singleRatio: number;
};

/** Every round's figures and ratios, so the spread behind the medians shows. */
export function roundsTable(rounds: RoundFigures[]): string {
  const head = ["round", "API batches ev/s", "COPY events+keys ev/s", "ratio", "single req/s", "raw node:http req/s", "ratio"];
  return markdown(
    head,
    rounds.map((r) => [
      String(r.round),
      int(r.batch),
      int(r.copyKeyed),
      `${r.batchRatio.toFixed(2)}×`,
      int(r.single),
      int(r.rawSingle),
      `${r.singleRatio.toFixed(2)}×`,
    ]),
  );
}

/** The mean CPU use of several phases (null when any is unknown). */
export function meanCpu(us: (CpuUsage | null)[]): CpuUsage | null {
  if (us.length === 0 || us.some((u) => u === null)) return null;
  const all = us as CpuUsage[];
  const avg = (pick: (u: CpuUsage) => number) => Math.round(100 * mean(all.map(pick))) / 100;
  return {
    cores: all[0]!.cores,
    machine: avg((u) => u.machine),
    app: avg((u) => u.app),
    loadgen: avg((u) => u.loadgen),
    postgres: avg((u) => u.postgres),
    other: avg((u) => u.other),
    steal: avg((u) => u.steal),
  };
}

/** Writes `data` to bench/results/ingest-<ISO timestamp>.json; returns the path. */
export function writeResults(data: unknown, at: Date): string {
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `ingest-${at.toISOString().replaceAll(":", "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return file;
}
