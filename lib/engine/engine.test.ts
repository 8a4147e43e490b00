// createEngine: per-swarm routing, clock-driven ticks and typed subscriptions.
import { describe, expect, it } from "vitest";
import { manualClock } from "./model/clock";
import { createEngine } from "./engine";
import type { MetricsTick } from "./model/types";

const sequentialId = () => {
  let n = 0;
  return () => `id-${++n}`;
};

describe("createEngine", () => {
  it("ticks every known swarm on its clock and stops notifying after unsubscribe", () => {
    const clock = manualClock(10_000);
    const engine = createEngine({ clock, newId: sequentialId() });
    engine.seedTotal("a", 3);
    engine.ingest("b", [{ id: "1", type: "heartbeat", ts: 0, agentId: "x", data: {} }]);
    const ticks: MetricsTick[] = [];
    const off = engine.on("metrics.tick", (t) => ticks.push(t));
    clock.advance(1000);
    engine.tick();
    expect(ticks.map((t) => [t.swarm, t.at, t.events_total, t.active_agents])).toEqual([
      ["a", 11_000, 3, 0],
      ["b", 11_000, 1, 1],
    ]);
    off();
    engine.tick();
    expect(ticks).toHaveLength(2);
  });

  it("ignores empty batches and reports unknown swarms as not known", () => {
    const engine = createEngine({ clock: manualClock(), newId: sequentialId() });
    engine.ingest("c", []);
    expect(engine.knows("c")).toBe(false);
  });

  it("reads a swarm it does not hold as an empty one without creating its engine (and without ticking it)", () => {
    const clock = manualClock(5_000);
    const engine = createEngine({ clock, newId: sequentialId() });
    const ticks: MetricsTick[] = [];
    engine.on("metrics.tick", (t) => ticks.push(t));
    expect(engine.snapshot("ghost")).toMatchObject({ swarm: "ghost", at: 5_000, events_total: 0, active_agents: 0, health_score: null });
    expect(engine.agents("ghost")).toEqual({ agents: [], degradation: null });
    expect(engine.patterns("ghost")).toEqual([]);
    expect(engine.bottlenecks("ghost")).toEqual([]);
    expect(engine.performance("ghost", 60_000)).toMatchObject({
      timeRangeMs: 60_000,
      generatedAt: 5_000,
      bottlenecks: [],
      summary: { taskCount: 0 },
    });
    expect(engine.healingCatalog("ghost").strategies.length).toBeGreaterThan(0);
    engine.tick();
    expect(engine.knows("ghost")).toBe(false);
    expect(ticks).toEqual([]);
  });

  it("gives the same figures for the same event log and clock (deterministic)", () => {
    const run = () => {
      const clock = manualClock(0);
      const engine = createEngine({ clock, newId: sequentialId() });
      for (let i = 0; i < 20; i++) {
        clock.advance(250);
        engine.ingest("s", [{ id: String(i), type: "heartbeat", ts: i, agentId: `a${i % 4}`, data: {} }]);
      }
      return engine.snapshot("s");
    };
    expect(run()).toEqual(run());
  });
});

describe("custom strategies (the extension point)", () => {
  it("a strategy registered through deps.strategies heals the swarm's failures with its own commands", async () => {
    const { act, createDefaultRegistry } = await import("./healing");
    const clock = manualClock(1_800_000_000_000);
    const engine = createEngine({
      clock,
      newId: sequentialId(),
      strategies: () => {
        const registry = createDefaultRegistry();
        registry.registerStrategy({
          name: "DrainFirstStrategy",
          failureTypes: ["agent_down"],
          canHeal: (f) => f.agentId !== null,
          plan: (f) => act([{ kind: "drain_agent", params: { agent_id: f.agentId } }], { kind: "none" }),
        });
        return registry;
      },
    });
    const commands: string[] = [];
    engine.on("command.updated", ({ command }) => commands.push(`${command.kind}:${String(command.params.agent_id)}`));
    engine.ingest("s", [
      { id: "1", type: "agent_down", ts: clock.now(), agentId: "agent-9", data: { type: "agent_down", agent_id: "agent-9" } },
    ]);
    expect(commands).toEqual(["drain_agent:agent-9"]);
  });
});
