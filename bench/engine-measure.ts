// The engine benchmark's component measurements: a detection pass over a 1,000-agent fleet, a pattern-learning pass,
// and a prediction pass over 500 agents with full windows. Each returns latencies in ms and what the pass worked on.
import {
  BottleneckDetector,
  fleetWorkload,
  loadedDetector,
  sequentialIds,
  learnPatterns,
  type TimedType,
  PredictiveHealing,
  type EngineEvent,
} from "@/lib/engine";
import { BATCH } from "./engine-drive";
import { DEFAULT_STREAM, EngineStream } from "./engine-workload";
import { runQueueWaitMs } from "./run-queue";

/** Latency figures of a repeated operation, in ms. */
export type Latency = { n: number; p50: number; p90: number; p99: number; mean: number; max: number };

const round3 = (x: number) => Math.round(x * 1000) / 1000;

/** Nearest-rank p50/p90/p99, mean and max of `samples` (ms). */
export function latency(samples: number[]): Latency {
  const s = [...samples].sort((a, b) => a - b);
  const at = (p: number) => s[Math.max(0, Math.ceil((p / 100) * s.length) - 1)] ?? 0;
  const mean = s.reduce((a, b) => a + b, 0) / Math.max(1, s.length);
  return {
    n: s.length,
    p50: round3(at(50)),
    p90: round3(at(90)),
    p99: round3(at(99)),
    mean: round3(mean),
    max: round3(s[s.length - 1] ?? 0),
  };
}

/** Runs `fn`; returns its duration in ms and its result. */
function timed<T>(fn: () => T): [number, T] {
  const t0 = performance.now();
  const out = fn();
  return [performance.now() - t0, out];
}

/** Index of the first element of sorted `ts` that is ≥ `from`. */
function lowerBound(ts: readonly EngineEvent[], from: number): number {
  let lo = 0;
  let hi = ts.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (ts[mid]!.ts < from) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Row 1: `detect(now)` on the 1,000 agents × 100 events fixture, the clock 1 s further each pass, with the fleet's
 * next events (same layout, 500/s) observed between passes (untimed) so the window keeps ≥ 100k events. Beside the wall
 * time, each pass's time minus the thread's run-queue wait during it (null where the kernel does not say).
 */
export function detectionPass(passes: number, warmup = 20) {
  const { detector, workload } = loadedDetector();
  const next = fleetWorkload({ start: workload.now, eventsPerAgent: Math.ceil((passes + warmup) / 2) + 1 }).events.sort(
    (a, b) => a.ts - b.ts,
  );
  const all = [...workload.events].sort((a, b) => a.ts - b.ts).concat(next);
  const windowMs = detector.config.windowMs;
  (globalThis as { gc?: () => void }).gc?.();
  let fed = 0;
  let bottlenecks = 0;
  const inWindow: number[] = [];
  const samples: number[] = [];
  const onCpu: number[] = [];
  for (let pass = 1; pass <= warmup + passes; pass++) {
    const now = workload.now + pass * 1000;
    const upTo = lowerBound(next, now + 1);
    if (upTo > fed) detector.observe(next.slice(fed, upTo), now);
    fed = upTo;
    const waitBefore = runQueueWaitMs();
    const [ms, changes] = timed(() => detector.detect(now));
    const waitAfter = runQueueWaitMs();
    bottlenecks += changes.detected.length;
    if (pass <= warmup) continue;
    samples.push(ms);
    if (waitBefore !== null && waitAfter !== null) onCpu.push(Math.max(0, ms - (waitAfter - waitBefore)));
    inWindow.push(workload.events.length + fed - lowerBound(all, now - windowMs));
  }
  return {
    latency: latency(samples),
    minusRunQueueWait: onCpu.length === samples.length ? latency(onCpu) : null,
    warmupPasses: warmup,
    agents: detector.memory().agents,
    eventsInWindow: { min: Math.min(...inWindow), max: Math.max(...inWindow) },
    bottlenecksDetected: bottlenecks,
    activeAtEnd: detector.active().length,
  };
}

/** Row 3: `learnPatterns` on consecutive `size`-event histories of the realistic stream. */
export function learningPass(reps: number, size = 1_000, warmup = 5) {
  const stream = new EngineStream({ ...DEFAULT_STREAM, seed: 11 });
  stream.next(20_000);
  const samples: number[] = [];
  let patterns = 0;
  for (let r = 0; r < warmup + reps; r++) {
    const history: TimedType[] = stream.next(size).map((e) => ({ type: e.type, ts: e.ts }));
    const [ms, found] = timed(() => learnPatterns(history));
    if (r < warmup) continue;
    samples.push(ms);
    patterns += found.length;
  }
  return { latency: latency(samples), historySize: size, meanPatterns: Math.round((patterns / Math.max(1, reps)) * 10) / 10 };
}

/**
 * Row 4: `PredictiveHealing.predict(now, { patterns, bottlenecks })` with 500 agents whose windows are full
 * (310 s of the stream observed first), learned patterns and active bottlenecks from the same events as inputs;
 * one simulated second of new events is observed between passes (untimed).
 */
export function predictionPass(passes: number, warmup = 10) {
  const newId = sequentialIds("p");
  const stream = new EngineStream({ ...DEFAULT_STREAM, agents: 500, seed: 7 });
  const predictor = new PredictiveHealing({ newId });
  const detector = new BottleneckDetector(newId);
  const history: TimedType[] = [];
  let now = DEFAULT_STREAM.start;
  const observeUntil = (until: number) => {
    while (now < until) {
      const batch = stream.next(BATCH);
      now = batch[batch.length - 1]!.ts;
      for (const e of batch) predictor.observe(e);
      detector.observe(batch, now);
      for (const e of batch) history.push({ type: e.type, ts: e.ts });
      if (history.length > 20_000) history.splice(0, history.length - 10_000);
    }
  };
  observeUntil(DEFAULT_STREAM.start + 310_000);
  const patterns = learnPatterns(history.slice(-10_000));
  detector.detect(now);
  const bottlenecks = detector.active();
  const samples: number[] = [];
  let created = 0;
  let open = 0;
  for (let pass = 0; pass < warmup + passes; pass++) {
    observeUntil(now + 1000);
    const [ms, out] = timed(() => predictor.predict(now, { patterns, bottlenecks }));
    created += out.length;
    open += out.filter((p) => p.status === "open").length;
    if (pass >= warmup) samples.push(ms);
  }
  return {
    latency: latency(samples),
    agents: 500,
    patterns: patterns.length,
    bottlenecks: bottlenecks.length,
    predictionsCreated: created,
    openProposals: open,
    footprint: predictor.footprint(),
  };
}
