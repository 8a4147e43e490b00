// `npm run bench:engine [-- --quick]`: the analysis engine on one core, no I/O — detection pass latency (1,000 agents,
// ≥ 100k events in the window), engine events/s on a realistic mixed stream, pattern learning and prediction pass
// times, and RSS/heap after 1M events (flat = < 10 % growth from 250k to 1M). Prints tables, writes JSON results.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { drive, EngineDriver, OUTPUT_NAMES, type OutputCounts, pregenerate } from "./engine-drive";
import { detectionPass, latency, learningPass, predictionPass, type Latency } from "./engine-measure";
import { EngineStream } from "./engine-workload";
import { markdown } from "./report";

const { values: args } = parseArgs({ options: { quick: { type: "boolean" } } });
const QUICK = args.quick ?? false;
const SIZES = QUICK
  ? {
      memoryMarks: [20_000, 50_000, 100_000, 200_000],
      warmup: 10_000,
      measured: 30_000,
      detectPasses: 200,
      learnReps: 50,
      learn10kReps: 3,
      predictPasses: 50,
    }
  : {
      memoryMarks: [100_000, 250_000, 500_000, 1_000_000],
      warmup: 70_000,
      measured: 200_000,
      detectPasses: 300,
      learnReps: 200,
      learn10kReps: 20,
      predictPasses: 200,
    };

const log = (msg: string) => process.stdout.write(`${msg}\n`);
const int = (n: number) => Math.round(n).toLocaleString("en-US");
const mb = (bytes: number) => Math.round((bytes / 1_048_576) * 10) / 10;
const gc = (globalThis as { gc?: () => void }).gc;
const growth = (from: number, to: number) => Math.round(((to - from) / from) * 1000) / 10;
const signed = (x: number) => `${x >= 0 ? "+" : ""}${x} %`;
const ms = (x: number) => `${x} ms`;

/** One memory sample after `events` events (after a full GC when run with --expose-gc). */
type MemorySample = { events: number; rssMB: number; heapUsedMB: number; heapTotalMB: number; externalMB: number; engineS: number };

/** Row 5: a fresh engine fed the stream up to the last mark, sampling RSS and heap at each mark. */
function memoryRun() {
  const marks = SIZES.memoryMarks;
  const total = marks[marks.length - 1]!;
  const driver = new EngineDriver();
  const samples: MemorySample[] = [];
  gc?.();
  const m0 = process.memoryUsage();
  const result = drive(driver, new EngineStream(), total, (fed, _batchMs, engineMs) => {
    if (fed % (total / 10) === 0)
      log(`  ${int(fed)} / ${int(total)} events, ${int(driver.ticks)} ticks, ${int((fed / engineMs) * 1000)} ev/s so far`);
    if (!marks.includes(fed)) return;
    gc?.();
    const m = process.memoryUsage();
    samples.push({
      events: fed,
      rssMB: mb(m.rss),
      heapUsedMB: mb(m.heapUsed),
      heapTotalMB: mb(m.heapTotal),
      externalMB: mb(m.external),
      engineS: Math.round(engineMs) / 1000,
    });
  });
  const [from, late, to] = [samples[1]!, samples[2]!, samples[samples.length - 1]!];
  const rssGrowthPct = growth(from.rssMB, to.rssMB);
  const heapGrowthPct = growth(from.heapUsedMB, to.heapUsedMB);
  const lateGrowth = { fromEvents: late.events, rssPct: growth(late.rssMB, to.rssMB), heapPct: growth(late.heapUsedMB, to.heapUsedMB) };
  const eventsPerS = Math.round((result.events / result.engineMs) * 1000);
  return {
    before: { rssMB: mb(m0.rss), heapUsedMB: mb(m0.heapUsed) },
    samples,
    rssGrowthPct,
    heapGrowthPct,
    lateGrowth,
    eventsPerS,
    ticks: result.ticks,
    outputs: result.outputs,
    answered: result.answered,
  };
}

/** Row 2: a fresh engine warmed on `warmup` events (windows and learner history full), then timed on `measured`. */
function throughputRun() {
  const driver = new EngineDriver();
  const stream = new EngineStream();
  drive(driver, stream, SIZES.warmup);
  const atWarm = { ...driver.outputs };
  const batchMs: number[] = [];
  const r = drive(driver, pregenerate(stream, SIZES.measured), SIZES.measured, (_fed, ms) => void batchMs.push(ms));
  const outputs = Object.fromEntries(OUTPUT_NAMES.map((n) => [n, r.outputs[n] - atWarm[n]])) as OutputCounts;
  const perS = (msTotal: number) => Math.round((r.events / msTotal) * 1000);
  return {
    events: r.events,
    engineMs: Math.round(r.engineMs),
    cpuMs: Math.round(r.cpuMs),
    ticks: r.ticks,
    eventsPerS: perS(r.engineMs),
    eventsPerCpuS: perS(r.cpuMs),
    batch: latency(batchMs),
    outputs,
  };
}

/** Runs a phase with start and end progress lines. */
function phase<T>(title: string, fn: () => T): T {
  log(`› ${title}`);
  const t0 = performance.now();
  const out = fn();
  log(`  done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

/** One row of the summary table. */
type Row = { measure: string; value: string; latency: Latency | null; seed: string; ours: string; result: string };

const verdict = (seed: boolean | null, ours: boolean | null) =>
  [seed, ours].map((x) => (x === null ? "—" : x ? "PASS" : "MISS")).join(" / ");

function main(): void {
  const started = new Date();
  const loadStart = os.loadavg();
  log(
    `Engine benchmark${QUICK ? " (quick)" : ""}: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? "?"}), node ${process.version}, GC ${gc ? "exposed" : "not exposed (run with --expose-gc)"}, load average ${loadStart.map((x) => x.toFixed(2)).join(" ")}`,
  );
  // Memory first, in a clean heap, so earlier phases' garbage does not hide or fake growth.
  const memory = phase(`memory: ${int(SIZES.memoryMarks.at(-1)!)} events of the mixed stream (200 agents) through one engine`, memoryRun);
  const throughput = phase(
    `throughput: ${int(SIZES.warmup)} warm-up + ${int(SIZES.measured)} timed events, batches of 100, 1 tick per simulated second`,
    throughputRun,
  );
  log(
    `  ${int(throughput.eventsPerS)} ev/s (${int(throughput.eventsPerCpuS)} per process CPU-second, GC and JIT threads included), ${int(throughput.ticks)} ticks; outputs: ${OUTPUT_NAMES.map((n) => `${n} ${int(throughput.outputs[n])}`).join(", ")}`,
  );
  const detection = phase(`detection: ${SIZES.detectPasses} passes of detect(now), 1,000 agents`, () => detectionPass(SIZES.detectPasses));
  const learning = phase(`learning: ${SIZES.learnReps} × learnPatterns on 1,000 events, ${SIZES.learn10kReps} × on 10,000`, () => ({
    k1: learningPass(SIZES.learnReps),
    k10: learningPass(SIZES.learn10kReps, 10_000, 1),
  }));
  const prediction = phase(`prediction: ${SIZES.predictPasses} passes of predict(now), 500 agents`, () =>
    predictionPass(SIZES.predictPasses),
  );

  const marks = SIZES.memoryMarks;
  const last = memory.samples.at(-1)!;
  const rows: Row[] = [
    {
      measure: "1. Detection pass (detect), 1,000 agents",
      value: `${int(detection.eventsInWindow.min)}–${int(detection.eventsInWindow.max)} events in window`,
      latency: detection.latency,
      seed: "< 100 ms",
      ours: "≤ 1 ms p99",
      result: verdict(detection.latency.p99 < 100, detection.latency.p99 <= 1),
    },
    ...(detection.minusRunQueueWait
      ? [
          {
            measure: "1b. Detection pass minus the time the thread waited for a CPU (schedstat; shows what machine load adds)",
            value: "same passes",
            latency: detection.minusRunQueueWait,
            seed: "—",
            ours: "—",
            result: "context",
          },
        ]
      : []),
    {
      measure: "2. Engine events/s, 200 agents mixed stream (p50/p99 = per batch of 100 incl. due ticks)",
      value: `${int(throughput.eventsPerS)} ev/s (${int(throughput.eventsPerCpuS)}/process CPU-s)`,
      latency: throughput.batch,
      seed: "—",
      ours: "—",
      result: "context",
    },
    {
      measure: "3. Pattern learning, 1,000-event history",
      value: `${learning.k1.meanPatterns} patterns/pass`,
      latency: learning.k1.latency,
      seed: "< 500 ms",
      ours: "—",
      result: verdict(learning.k1.latency.p99 < 500, null),
    },
    {
      measure: "3b. Pattern learning, 10,000-event history (learner default, every 10 s)",
      value: `${learning.k10.meanPatterns} patterns/pass`,
      latency: learning.k10.latency,
      seed: "—",
      ours: "—",
      result: "context",
    },
    {
      measure: "4. Prediction pass, 500 agents (full windows, patterns + bottlenecks)",
      value: `${prediction.patterns} patterns, ${prediction.bottlenecks} bottlenecks in`,
      latency: prediction.latency,
      seed: "—",
      ours: "—",
      result: "context",
    },
    {
      measure: `5. Engine RSS after ${int(last.events)} events (growth from ${int(marks[1]!)})`,
      value: `${last.rssMB} MB RSS ${signed(memory.rssGrowthPct)}, heap ${last.heapUsedMB} MB ${signed(memory.heapGrowthPct)}`,
      latency: null,
      seed: "RSS growth < 10 %",
      ours: "heap growth < 10 %",
      result: verdict(memory.rssGrowthPct < 10, memory.heapGrowthPct < 10),
    },
  ];

  log("\nMemory samples (single swarm, event-time clock):");
  const memoryHead = ["events", "RSS MB", "heapUsed MB", "heapTotal MB", "external MB", "engine time s"];
  log(
    markdown(
      memoryHead,
      memory.samples.map((s) => [int(s.events), ...[s.rssMB, s.heapUsedMB, s.heapTotalMB, s.externalMB, s.engineS].map(String)]),
    ),
  );
  log(
    `Growth from ${int(memory.lateGrowth.fromEvents)} to ${int(last.events)}: RSS ${signed(memory.lateGrowth.rssPct)}, heap ${signed(memory.lateGrowth.heapPct)} (before feeding: RSS ${memory.before.rssMB} MB, heap ${memory.before.heapUsedMB} MB).`,
  );
  log(
    `\nEngine outputs (throughput run: ${int(throughput.events)} events; memory run: ${int(last.events)} events, ${int(memory.eventsPerS)} ev/s):`,
  );
  log(
    markdown(
      ["output", "throughput run", "memory run"],
      OUTPUT_NAMES.map((n) => [n, int(throughput.outputs[n]), int(memory.outputs[n])]),
    ),
  );
  log(
    `Stand-ins answered ${int(memory.answered.commands)} commands and decided ${int(memory.answered.decisions)} proposals in the memory run.`,
  );
  log(
    `Prediction passes created ${int(prediction.predictionsCreated)} predictions (${int(prediction.openProposals)} open); detection passes detected ${int(detection.bottlenecksDetected)} bottlenecks.\n`,
  );
  log(
    markdown(
      ["measure", "value", "p50", "p99", "seed target", "our target", "result (seed / ours)"],
      rows.map((r) => [
        r.measure,
        r.value,
        r.latency ? ms(r.latency.p50) : "—",
        r.latency ? ms(r.latency.p99) : "—",
        r.seed,
        r.ours,
        r.result,
      ]),
    ),
  );

  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? null,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
    arch: os.arch(),
    totalMemMB: mb(os.totalmem()),
    exposeGc: gc !== undefined,
    loadAverage: { start: loadStart, end: os.loadavg() },
  };
  const file = writeEngineResults(
    { at: started.toISOString(), quick: QUICK, machine, sizes: SIZES, rows, memory, throughput, detection, learning, prediction },
    started,
  );
  log(`\nResults written to ${path.relative(process.cwd(), file)}`);
}

/** Writes `data` to bench/results/engine-<ISO timestamp>.json; returns the path. */
function writeEngineResults(data: unknown, at: Date): string {
  const dir = path.join(import.meta.dirname, "results");
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, `engine-${at.toISOString().replaceAll(":", "-")}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return file;
}

main();
