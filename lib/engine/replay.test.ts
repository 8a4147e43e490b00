// docs/decisions.md#d1 replay: on event time, a recorded log fed at full speed (in any batch size) gives exactly the outputs of a
// real-time run where each event arrives at its own timestamp and the engine ticks every second.
import { describe, expect, it } from "vitest";
import { SwarmSimulator } from "../simulator/model";
import { manualClock } from "./model/clock";
import { createEngine, type Engine } from "./engine";
import type { EngineEvent, EngineEventMap } from "./model/types";

const T0 = 1_800_000_000_000;

/** Ten minutes of a simulated swarm with faults: a crashed agent, a queue flood, a slowing agent. */
function recordedLog(): EngineEvent[] {
  const sim = new SwarmSimulator({
    seed: 11,
    startMs: T0,
    schedule: [
      { at: 60_000, scenario: "agent_crash" },
      { at: 200_000, scenario: "queue_flood" },
      { at: 330_000, scenario: "slow_degradation" },
    ],
  });
  return sim.advance(T0 + 600_000).map((e) => ({
    id: String(e.id),
    type: String(e.type),
    ts: Number(e.timestamp),
    agentId: e.agent_id as string | undefined,
    taskId: e.task_id as string | undefined,
    data: e,
  }));
}

const NAMES: (keyof EngineEventMap)[] = [
  "bottleneck.detected",
  "bottleneck.updated",
  "bottleneck.resolved",
  "prediction.created",
  "prediction.updated",
  "failure.detected",
  "healing.started",
  "healing.finished",
  "command.updated",
  "metrics.tick",
];

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

  it("detects, predicts and heals on the simulated faults", () => {
    const names = new Set(replay(log, 500).map(([n]) => n));
    for (const n of ["failure.detected", "healing.started", "command.updated", "prediction.created"]) expect(names).toContain(n);
  });
});
