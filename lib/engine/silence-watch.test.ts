// Silence is a failure (docs/decisions.md#d30), through the engine: a silent agent is detected as agent_down within k intervals + 1 tick,
// healed by restart_agent and verified when heard from again; not while the swarm is stale, not after it unregistered.
import { describe, expect, it } from "vitest";
import { manualClock } from "./model/clock";
import { createEngine, type Engine } from "./engine";
import { DEFAULT_SWARM_CONFIG } from "./swarm-config";
import type { EngineEvent, EngineEventMap } from "./model/types";

const T0 = 1_800_000_000_000;
const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const ev = (type: string, ts: number, agentId: string): EngineEvent => ({
  id: `${type}-${ts}-${agentId}`,
  type,
  ts,
  agentId,
  data: { type, agent_id: agentId },
});

/** An engine on a manual clock that records what it emits. */
function setup() {
  const clock = manualClock(T0);
  const engine = createEngine({ clock, newId: ids() });
  const out: { name: keyof EngineEventMap; payload: EngineEventMap[keyof EngineEventMap] }[] = [];
  for (const name of ["failure.detected", "failure.resolved", "healing.started", "healing.finished", "command.updated"] as const)
    engine.on(name, (payload) => out.push({ name, payload }));
  /** One second on the wall: each of `agents` heartbeats (at its event time = the clock), then the 1 Hz tick. */
  const second = (agents: string[]) => {
    clock.advance(1000);
    if (agents.length > 0)
      engine.ingest(
        "s",
        agents.map((a) => ev("heartbeat", clock.now(), a)),
      );
    engine.tick();
  };
  const detected = () =>
    out.filter((o) => o.name === "failure.detected").map((o) => (o.payload as EngineEventMap["failure.detected"]).failure);
  return { clock, engine, out, second, detected };
}

const stateOf = (engine: Engine, agent: string) => engine.agents("s").agents.find((a) => a.id === agent);

describe("silence detection", () => {
  it("an agent heartbeating every 1 s that goes silent is down within k intervals + 1 tick, restarted, and healed when heard again", () => {
    const { clock, engine, out, second, detected } = setup();
    for (let i = 0; i < 5; i++) second(["a", "b"]);
    const lastHeard = clock.now();
    second(["b"]);
    second(["b"]);
    expect(detected()).toEqual([]);
    second(["b"]);
    expect(detected()).toEqual([
      {
        id: expect.any(String),
        failureType: "agent_down",
        agentId: "a",
        taskId: null,
        severity: "high",
        detectedAt: lastHeard + 3000,
        resolvedAt: null,
        context: {
          detection_source: "silence",
          last_seen_at: new Date(lastHeard).toISOString(),
          interval_ms: 1000,
          interval_source: "heartbeat",
          silent_intervals: 3,
        },
      },
    ]);
    const command = out.find((o) => o.name === "command.updated")?.payload as EngineEventMap["command.updated"];
    expect(command.command).toMatchObject({ kind: "restart_agent", params: { agent_id: "a", restore_metadata: true }, status: "pending" });
    expect(out.find((o) => o.name === "healing.started")?.payload).toMatchObject({
      healing: { strategy: "AgentRestartStrategy", trigger: "detected", status: "running" },
    });
    expect(stateOf(engine, "a")).toMatchObject({
      state: "down",
      silence: { lastHeardAt: lastHeard, intervalMs: 1000, silentIntervals: 3, detectedAt: lastHeard + 3000 },
    });

    for (let i = 0; i < 5; i++) second(["b"]);
    expect(detected()).toHaveLength(1);
    engine.commandResult("s", command.command.id, { status: "succeeded" });
    expect(out.some((o) => o.name === "healing.finished")).toBe(false);
    second(["a", "b"]);
    const finished = out.find((o) => o.name === "healing.finished")?.payload as EngineEventMap["healing.finished"];
    expect(finished.healing).toMatchObject({ status: "succeeded", failureId: detected()[0]!.id });
    expect(out.some((o) => o.name === "failure.resolved")).toBe(true);
    expect(stateOf(engine, "a")).toMatchObject({ state: "active", silence: null });
  });

  it("fails the restart healing on its verification timeout when the agent stays silent", () => {
    const { engine, out, second } = setup();
    for (let i = 0; i < 5; i++) second(["a", "b"]);
    for (let i = 0; i < 3; i++) second(["b"]);
    const command = out.find((o) => o.name === "command.updated")?.payload as EngineEventMap["command.updated"];
    engine.commandResult("s", command.command.id, { status: "succeeded" });
    for (let i = 0; i < 61; i++) second(["b"]);
    const finished = out.find((o) => o.name === "healing.finished")?.payload as EngineEventMap["healing.finished"];
    expect(finished.healing).toMatchObject({ status: "failed", reason: "verification timed out (agent_heartbeat)" });
    expect(stateOf(engine, "a")?.state).toBe("down");
  });

  it("detects again in a new silence episode after the agent was heard from", () => {
    const { second, detected } = setup();
    for (let i = 0; i < 5; i++) second(["a", "b"]);
    for (let i = 0; i < 4; i++) second(["b"]);
    second(["a", "b"]);
    for (let i = 0; i < 4; i++) second(["b"]);
    expect(detected().map((f) => f.agentId)).toEqual(["a", "a"]);
  });

  it("judges an agent without heartbeats on its activity (10 s floor) and verifies its healing by any event of its own", () => {
    const { clock, engine, out, second, detected } = setup();
    for (let i = 0; i < 6; i++) {
      engine.ingest("s", [ev("task_complete", clock.now(), "w")]);
      second(["b"]);
    }
    for (let i = 0; i < 28; i++) second(["b"]);
    expect(detected()).toEqual([]);
    for (let i = 0; i < 3; i++) second(["b"]);
    expect(detected()).toEqual([
      expect.objectContaining({ agentId: "w", context: expect.objectContaining({ interval_ms: 10_000, interval_source: "activity" }) }),
    ]);
    const command = out.find((o) => o.name === "command.updated")?.payload as EngineEventMap["command.updated"];
    engine.commandResult("s", command.command.id, { status: "succeeded" });
    engine.ingest("s", [ev("task_start", clock.now(), "w")]);
    second(["b"]);
    expect(out.find((o) => o.name === "healing.finished")?.payload).toMatchObject({ healing: { status: "succeeded" } });
  });

  it("does not detect an agent already down by a reported heartbeat_failed", () => {
    const { clock, engine, second, detected } = setup();
    for (let i = 0; i < 5; i++) second(["a", "b"]);
    engine.ingest("s", [ev("heartbeat_failed", clock.now(), "a")]);
    for (let i = 0; i < 10; i++) second(["b"]);
    expect(detected().map((f) => f.context.detection_source)).toEqual(["heartbeat_failed"]);
  });

  it("does not flag an agent that unregistered, nor one that fell silent too early to have an interval", () => {
    const { clock, engine, second, detected } = setup();
    for (let i = 0; i < 5; i++) second(["a", "b"]);
    engine.ingest("s", [ev("agent_unregistered", clock.now(), "a"), ev("heartbeat", clock.now(), "c")]);
    for (let i = 0; i < 10; i++) second(["b"]);
    expect(detected()).toEqual([]);
  });

  it("does not flag anyone while the whole swarm is stale, and says so in the metrics", () => {
    const { clock, engine, second, detected } = setup();
    for (let i = 0; i < 5; i++) second(["a", "b"]);
    const last = clock.now();
    expect(engine.snapshot("s")).toMatchObject({ stale: false, last_event_at: last });
    for (let i = 0; i < 10; i++) second([]);
    expect(detected()).toEqual([]);
    expect(engine.snapshot("s")).toMatchObject({ stale: true, last_event_at: last });
    second(["b"]);
    expect(engine.snapshot("s").stale).toBe(false);
  });

  it("verifies nothing by silence while the swarm is stale: a stable window passes only once the swarm is heard again", () => {
    const { clock, engine, out, second } = setup();
    for (let i = 0; i < 5; i++) second(["a", "b"]);
    engine.ingest("s", [
      {
        id: "mem",
        type: "resource_exhaustion",
        ts: clock.now(),
        data: { type: "resource_exhaustion", resource_type: "memory", current_usage: 95, limit: 100 },
      },
    ]);
    const commands = () =>
      out.filter((o) => o.name === "command.updated").map((o) => (o.payload as EngineEventMap["command.updated"]).command);
    for (let i = 0; i < 5 && commands().some((c) => c.status === "pending"); i++) {
      for (const c of commands().filter((c) => c.status === "pending")) engine.commandResult("s", c.id, { status: "succeeded" });
      second(["a", "b"]);
    }
    const finished = () => out.filter((o) => o.name === "healing.finished");
    expect(finished()).toEqual([]);
    for (let i = 0; i < 40; i++) second([]);
    expect(engine.snapshot("s").stale).toBe(true);
    expect(finished()).toEqual([]);
    second(["a", "b"]);
    expect(finished().map((o) => (o.payload as EngineEventMap["healing.finished"]).healing)).toEqual([
      expect.objectContaining({ failureType: "resource_exhaustion", status: "succeeded" }),
    ]);
  });

  it("does not flag a fast agent while the rest of a slower swarm may just be quiet; does once the swarm is heard", () => {
    const { clock, engine, detected } = setup();
    for (let i = 0; i <= 50; i++) {
      clock.set(T0 + i * 1000);
      engine.ingest("s", [ev("heartbeat", clock.now(), "fast"), ...(i % 10 === 0 && i < 50 ? [ev("heartbeat", clock.now(), "slow")] : [])]);
    }
    clock.advance(5000);
    engine.tick();
    expect(engine.snapshot("s").stale).toBe(false);
    expect(detected()).toEqual([]);
    engine.ingest("s", [ev("heartbeat", clock.now(), "slow")]);
    clock.advance(1000);
    engine.tick();
    expect(detected().map((f) => f.agentId)).toEqual(["fast"]);
  });

  it("applies silence_intervals live through configure, and rejects one out of range", () => {
    const { engine, second, detected } = setup();
    engine.configure("s", { ...DEFAULT_SWARM_CONFIG, silenceIntervals: 5 });
    for (let i = 0; i < 5; i++) second(["a", "b"]);
    for (let i = 0; i < 4; i++) second(["b"]);
    expect(detected()).toEqual([]);
    second(["b"]);
    expect(detected()).toEqual([expect.objectContaining({ agentId: "a", context: expect.objectContaining({ silent_intervals: 5 }) })]);
    expect(() => engine.configure("s", { ...DEFAULT_SWARM_CONFIG, silenceIntervals: 1 })).toThrow(RangeError);
    expect(() => engine.configure("s", { ...DEFAULT_SWARM_CONFIG, silenceIntervals: 2.5 })).toThrow(RangeError);
  });

  it("judges silence on event time in event-time mode (a replayed log detects at the same event time)", () => {
    const run = () => {
      const engine = createEngine({ clock: manualClock(0), newId: ids() });
      engine.setTimeMode("s", "event");
      const found: EngineEventMap["failure.detected"][] = [];
      engine.on("failure.detected", (f) => found.push(f));
      const log: EngineEvent[] = [];
      for (let i = 0; i < 20; i++) {
        const t = T0 + i * 1000;
        log.push(ev("heartbeat", t, "b"));
        if (i < 5) log.push(ev("heartbeat", t, "a"));
      }
      engine.ingest("s", log);
      return found.map((f) => [f.failure.agentId, f.failure.detectedAt, f.failure.context.last_seen_at]);
    };
    expect(run()).toEqual([["a", T0 + 7000, new Date(T0 + 4000).toISOString()]]);
    expect(run()).toEqual(run());
  });
});
