// D1 replay: on event time, a recorded log fed at full speed (in any batch size) gives exactly the outputs of a
// real-time run where each event arrives at its own timestamp and the engine ticks every second.
import { describe, expect, it } from "vitest";
import { DemoGenerator } from "../simulator/demo-generator";
import { manualClock } from "./clock";
import { createEngine, type Engine } from "./engine";
import type { EngineEvent, EngineEventMap } from "./types";

const T0 = 1_800_000_000_000;

/** Ten minutes of a lively swarm with faults: an agent failing its heartbeats, a queue flood, slow tasks. */
function recordedLog(): EngineEvent[] {
  const g = new DemoGenerator(11);
  const log: EngineEvent[] = [];
  for (let s = 1; s <= 600; s++) {
    const now = T0 + s * 1000;
    const events = g.next(now);
    if (s % 60 === 30) events.push({ type: "heartbeat_failed", agent_id: "agent-3", timestamp: now });
    if (s > 300 && s % 10 === 0) events.push({ type: "queue_metric", timestamp: now, metadata: { queue_depth: 40 + s / 5, high_priority_count: 5 + s / 30 } });
    events.forEach((e, i) => log.push({ id: `${s}-${i}`, type: String(e.type), ts: now, agentId: e.agent_id as string | undefined, taskId: e.task_id as string | undefined, data: e }));
  }
  return log;
}

const NAMES: (keyof EngineEventMap)[] = ["bottleneck.detected", "bottleneck.updated", "bottleneck.resolved", "prediction.created", "prediction.updated", "failure.detected", "healing.started", "healing.finished", "command.updated", "metrics.tick"];

function record(engine: Engine) {
  const out: [string, unknown][] = [];
  for (const n of NAMES) engine.on(n, (p) => out.push([n, p]));
  return out;
}

const ids = () => {
  let n = 0;
  return () => `00000000-0000-4000-8000-${String(++n).padStart(12, "0")}`;
};

function replay(log: EngineEvent[], batch: number) {
  const engine = createEngine({ clock: manualClock(0), newId: ids() });
  engine.setTimeMode("s", "event");
  const out = record(engine);
  for (let i = 0; i < log.length; i += batch) engine.ingest("s", log.slice(i, i + batch));
  return out;
}

function realTime(log: EngineEvent[]) {
  const clock = manualClock(0);
  const engine = createEngine({ clock, newId: ids() });
  const out = record(engine);
  let nextTick = Math.floor(log[0]!.ts / 1000) * 1000 + 1000;
  for (const e of log) {
    while (nextTick <= e.ts) {
      clock.set(nextTick);
      engine.tick();
      nextTick += 1000;
    }
    clock.set(e.ts);
    engine.ingest("s", [e]);
  }
  return out;
}

describe("replay on event time (D1)", () => {
  const log = recordedLog();

  it("gives the same outputs as a real-time run, whatever the batch size", () => {
    const live = realTime(log);
    expect(live.filter(([n]) => n !== "metrics.tick").length).toBeGreaterThan(10);
    expect(replay(log, 100)).toEqual(live);
    expect(replay(log, 7)).toEqual(live);
  });

  it("detects, predicts and heals on the recorded faults", () => {
    const names = new Set(replay(log, 500).map(([n]) => n));
    for (const n of ["failure.detected", "healing.started", "command.updated", "prediction.created"]) expect(names).toContain(n);
  });
});
