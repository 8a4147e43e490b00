// Feeds an engine the way the server does: batches of stored events at event time on a manual clock, a tick once per
// simulated second, and a stand-in coordinator and operator (command results, proposal decisions) so healings finish.
import { manualClock, createEngine, type Engine, type EngineEvent, type EngineEventMap } from "@/lib/engine";

/** Anything that hands out the next events of a stream. */
export type EventSource = { next(n: number): EngineEvent[] };

/** Engine outputs counted by the driver (everything but `metrics.tick`). */
export const OUTPUT_NAMES = [
  "bottleneck.detected",
  "bottleneck.updated",
  "bottleneck.resolved",
  "prediction.created",
  "prediction.updated",
  "failure.detected",
  "failure.resolved",
  "healing.started",
  "healing.finished",
  "command.updated",
] as const satisfies readonly (keyof EngineEventMap)[];

/** Count of each engine output. */
export type OutputCounts = Record<(typeof OUTPUT_NAMES)[number], number>;

/** Events per ingest call. */
export const BATCH = 100;

/** A fresh engine on a manual clock with its stand-in coordinator and operator, fed one batch at a time. */
export class EngineDriver {
  private readonly engine: Engine;
  /** Outputs the engine published so far, by name. */
  readonly outputs = Object.fromEntries(OUTPUT_NAMES.map((n) => [n, 0])) as OutputCounts;
  /** Engine ticks run so far. */
  ticks = 0;
  /** Commands answered (succeeded) and proposals decided by the stand-ins. */
  answered = { commands: 0, decisions: 0 };
  private readonly clock = manualClock();
  private nextTick = Number.NaN;
  private commands: string[] = [];
  private proposals: string[] = [];

  constructor(private readonly swarm = "bench") {
    let n = 0;
    this.engine = createEngine({ clock: this.clock, newId: () => `id-${++n}` });
    for (const name of OUTPUT_NAMES) this.engine.on(name, () => void this.outputs[name]++);
    this.engine.on("command.updated", ({ command }) => void (command.status === "pending" && this.commands.push(command.id)));
    this.engine.on("prediction.created", ({ prediction }) => void (prediction.status === "open" && this.proposals.push(prediction.id)));
  }

  /** Ticks for every simulated second the batch reaches into, then ingests it at its newest event time. */
  feed(batch: EngineEvent[]): void {
    const last = batch[batch.length - 1];
    if (!last) return;
    if (Number.isNaN(this.nextTick)) this.nextTick = Math.floor(batch[0]!.ts / 1000) * 1000 + 1000;
    while (this.nextTick <= last.ts) {
      this.clock.set(this.nextTick);
      this.tick();
      this.nextTick += 1000;
    }
    this.clock.set(Math.max(this.clock.now(), last.ts));
    this.engine.ingest(this.swarm, batch);
  }

  /** One engine tick, then the stand-ins answer what the previous work asked for. */
  private tick(): void {
    this.engine.tick();
    this.ticks++;
    const commands = this.commands;
    this.commands = [];
    for (const id of commands) this.engine.commandResult(this.swarm, id, { status: "succeeded" });
    const proposals = this.proposals;
    this.proposals = [];
    for (const id of proposals) {
      const decision = this.answered.decisions++ % 2 === 0 ? "approve" : "reject";
      this.engine.decide(this.swarm, id, { decision, by: "bench-operator" });
    }
    this.answered.commands += commands.length;
  }
}

/** `events` events of `source` generated up front, so a timed run spends its CPU in the engine only. */
export function pregenerate(source: EventSource, events: number): EventSource {
  const all = source.next(events);
  let pos = 0;
  return { next: (n) => all.slice(pos, (pos += n)) };
}

/** Result of feeding a stream: engine wall time (generation excluded), process CPU time, events, ticks and outputs. */
export type DriveResult = {
  events: number;
  engineMs: number;
  cpuMs: number;
  ticks: number;
  outputs: OutputCounts;
  answered: EngineDriver["answered"];
};

/** Feeds `events` events of `source` in batches; `onBatch(fed, batchMs, engineMs)` runs after each batch, untimed. */
export function drive(
  driver: EngineDriver,
  source: EventSource,
  events: number,
  onBatch?: (fed: number, batchMs: number, engineMs: number) => void,
): DriveResult {
  let engineMs = 0;
  const ticks0 = driver.ticks;
  const cpu0 = process.cpuUsage();
  for (let fed = 0; fed < events;) {
    const batch = source.next(Math.min(BATCH, events - fed));
    const t0 = performance.now();
    driver.feed(batch);
    const batchMs = performance.now() - t0;
    engineMs += batchMs;
    fed += batch.length;
    onBatch?.(fed, batchMs, engineMs);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    events,
    engineMs,
    cpuMs: (cpu.user + cpu.system) / 1000,
    ticks: driver.ticks - ticks0,
    outputs: { ...driver.outputs },
    answered: { ...driver.answered },
  };
}
