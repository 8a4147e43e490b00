// The live health score (docs/decisions.md#d26) as the engine publishes it: no score before anything is measured, a fault-free swarm
// scores ≥ 90 from its tasks alone, failing tasks pull it down.
import { describe, expect, it } from "vitest";
import { manualClock } from "./model/clock";
import { createEngine } from "./engine";
import type { EngineEvent } from "./model/types";

const newId = () => {
  let n = 0;
  return () => `id-${++n}`;
};

/** `n` finished tasks spread over four agents, failing where `fails(i)` holds. */
const tasks = (n: number, fails: (i: number) => boolean): EngineEvent[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `e${i}`,
    type: fails(i) ? "task_failed" : "task_complete",
    ts: 1_000 + i,
    agentId: `a${i % 4}`,
    taskId: `t${i}`,
    data: { result: fails(i) ? "failure" : "success", duration_ms: 200 },
  }));

describe("engine health score (D26)", () => {
  it.each<[string, EngineEvent[], number | null]>([
    ["nothing measured: no score", [], null],
    ["heartbeats only: still no score", [{ id: "h", type: "heartbeat", ts: 1_000, agentId: "a0", data: {} }], null],
    ["fault-free: tasks succeed and no healing is needed", tasks(40, () => false), 100],
    ["one task in ten fails", tasks(40, (i) => i % 10 === 0), 90],
    ["tasks that failed and then succeeded on a retry count as done", [...tasks(4, () => true), ...tasks(40, () => false)], 100],
  ])("%s → %s", (_, events, score) => {
    const clock = manualClock(1_800_000_000_000);
    const engine = createEngine({ clock, newId: newId() });
    engine.seedTotal("s", 0);
    engine.ingest("s", events);
    clock.advance(1_000);
    const tick = engine.snapshot("s");
    expect(tick.health_score).toBe(score);
    expect(tick.health).toMatchObject({ success_points: score, mttr_points: null, strategy_points: null, target_mttr_ms: 30_000 });
  });
});
