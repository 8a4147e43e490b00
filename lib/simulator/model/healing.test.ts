// Each fault is healed (or relieved) by its matching command: recovered with the command, still faulty without it.
import { describe, expect, it } from "vitest";
import { SCENARIOS } from "./scenarios";
import { after, meta, ofType, runUntil, simulator, T0 } from "./test-support";
import type { ScenarioName, SimEvent } from "./types";

const TARGET = "agent-02";
const INJECT_AT_SEC = 30;

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
/** Token usage growth over the events, in percent per second (from the resource_metric samples). */
const tokenSlope = (events: SimEvent[]) => {
  const samples = ofType(events, "resource_metric");
  const first = samples[0]!;
  const last = samples.at(-1)!;
  const seconds = ((last.timestamp as number) - (first.timestamp as number)) / 1000;
  return ((meta(last, "token_usage_percent") as number) - (meta(first, "token_usage_percent") as number)) / seconds;
};
const allRoundsSucceed = (events: SimEvent[]) => {
  const rounds = ofType(events, "consensus_round");
  return rounds.length >= 5 && rounds.every((e) => e.result === "success");
};
const memoryRecovered = (events: SimEvent[]) => {
  const beats = ofType(events, "heartbeat", TARGET);
  return (
    ofType(events, "agent_down", TARGET).length === 0 && beats.length > 0 && (meta(beats.at(-1), "memory_usage_percent") as number) < 85
  );
};

type Case = {
  scenario: Exclude<ScenarioName, "control">;
  kind: string;
  params: Record<string, unknown>;
  /** When the command runs, and the observation window [from, to] (seconds after T0). */
  atSec: number;
  window: [number, number];
  recovered: (events: SimEvent[]) => boolean;
};

const CASES: Case[] = [
  {
    scenario: "agent_crash",
    kind: "restart_agent",
    params: { agent_id: TARGET },
    atSec: 50,
    window: [55, 100],
    recovered: (events) => ofType(events, "heartbeat", TARGET).length >= 8 && ofType(events, "heartbeat_failed", TARGET).length === 0,
  },
  {
    scenario: "slow_degradation",
    kind: "restart_agent",
    params: { agent_id: TARGET },
    atSec: 120,
    window: [125, 300],
    recovered: (events) => {
      const own = ofType(events, "task_complete", TARGET).map((e) => e.duration_ms as number);
      const others = ofType(events, "task_complete")
        .filter((e) => e.agent_id !== TARGET)
        .map((e) => e.duration_ms as number);
      return own.length >= 5 && mean(own) < 1.5 * mean(others) && ofType(events, "high_latency", TARGET).length === 0;
    },
  },
  {
    scenario: "slow_degradation",
    kind: "drain_agent",
    params: { agent_id: TARGET },
    atSec: 120,
    window: [155, 300],
    recovered: (events) => ofType(events, "task_complete", TARGET).length === 0 && ofType(events, "high_latency").length === 0,
  },
  {
    scenario: "token_leak",
    kind: "restart_agent",
    params: { agent_id: TARGET },
    atSec: 60,
    window: [65, 125],
    recovered: (e) => tokenSlope(e) < 0.05,
  },
  {
    scenario: "token_leak",
    kind: "drain_agent",
    params: { agent_id: TARGET },
    atSec: 60,
    window: [95, 155],
    recovered: (e) => tokenSlope(e) < 0.05,
  },
  {
    scenario: "token_leak",
    kind: "set_degradation",
    params: { level: 3 },
    atSec: 60,
    window: [65, 125],
    recovered: (e) => tokenSlope(e) < 0.25,
  },
  {
    scenario: "token_leak",
    kind: "pause_tasks",
    params: { max_priority: "MEDIUM" },
    atSec: 60,
    window: [65, 125],
    recovered: (e) => tokenSlope(e) < 0.4,
  },
  {
    scenario: "queue_flood",
    kind: "scale_agents",
    params: { delta: 8 },
    atSec: 40,
    window: [240, 260],
    recovered: (events) => ofType(events, "queue_metric").every((e) => (meta(e, "queue_depth") as number) < 50),
  },
  {
    scenario: "queue_flood",
    kind: "pause_tasks",
    params: { max_priority: "LOW" },
    atSec: 40,
    window: [41, 90],
    recovered: (events) => {
      const urgent = ofType(events, "task_start").filter((e) => ["CRITICAL", "HIGH", "MEDIUM"].includes(meta(e, "priority") as string));
      return mean(urgent.map((e) => meta(e, "queue_wait_ms") as number)) < 150;
    },
  },
  {
    scenario: "queue_flood",
    kind: "set_degradation",
    params: { level: 1 },
    atSec: 40,
    window: [41, 200],
    recovered: (events) => Math.max(...ofType(events, "queue_metric").map((e) => meta(e, "queue_depth") as number)) < 350,
  },
  {
    scenario: "quorum_loss",
    kind: "scale_agents",
    params: { delta: 1 },
    atSec: 60,
    window: [60, 130],
    recovered: (events) => ofType(events, "quorum_restored").length === 1 && allRoundsSucceed(after(events, 70)),
  },
  {
    scenario: "memory_pressure",
    kind: "set_concurrency",
    params: { agent_id: TARGET, limit: 1 },
    atSec: 100,
    window: [100, 300],
    recovered: memoryRecovered,
  },
  {
    scenario: "memory_pressure",
    kind: "restart_agent",
    params: { agent_id: TARGET },
    atSec: 100,
    window: [100, 300],
    recovered: memoryRecovered,
  },
  {
    scenario: "memory_pressure",
    kind: "drain_agent",
    params: { agent_id: TARGET },
    atSec: 100,
    window: [100, 300],
    recovered: memoryRecovered,
  },
  {
    scenario: "consensus_timeouts",
    kind: "restart_agent",
    params: { agent_id: TARGET },
    atSec: 60,
    window: [65, 180],
    recovered: allRoundsSucceed,
  },
  {
    scenario: "consensus_timeouts",
    kind: "drain_agent",
    params: { agent_id: TARGET },
    atSec: 60,
    window: [65, 180],
    recovered: allRoundsSucceed,
  },
  {
    scenario: "flapping_heartbeats",
    kind: "restart_agent",
    params: { agent_id: TARGET },
    atSec: 60,
    window: [65, 125],
    recovered: (events) => ofType(events, "heartbeat", TARGET).length >= 10 && ofType(events, "heartbeat_failed", TARGET).length === 0,
  },
];

/** The events of the window of one run, with the command executed or not. */
function observe(c: Case, seed: number, heal: boolean): SimEvent[] {
  const sim = simulator({
    seed,
    schedule: [{ at: INJECT_AT_SEC * 1000, scenario: c.scenario, target: c.scenario === "quorum_loss" ? undefined : TARGET }],
  });
  runUntil(sim, c.atSec);
  if (heal) expect(sim.execute({ id: `heal-${c.kind}`, kind: c.kind, params: c.params }, T0 + c.atSec * 1000).status).toBe("succeeded");
  return after(runUntil(sim, c.window[1]), c.window[0]);
}

describe("healing", () => {
  it("tests exactly the healing commands the scenario catalogue lists", () => {
    // quorum_loss → restart_agent needs one command per partitioned agent: tested on its own below.
    const separately = [{ scenario: "quorum_loss", kind: "restart_agent" }];
    const tested = (name: ScenarioName) =>
      [...new Set([...CASES, ...separately].filter((c) => c.scenario === name).map((c) => c.kind))].sort();
    for (const name of Object.keys(SCENARIOS) as ScenarioName[]) expect(tested(name)).toEqual([...SCENARIOS[name].healedBy].sort());
  });

  describe.each([1, 2])("seed %i", (seed) => {
    it.each(CASES)("$scenario is healed by $kind", (c) => {
      expect(c.recovered(observe(c, seed, false))).toBe(false);
      expect(c.recovered(observe(c, seed, true))).toBe(true);
    });
  });

  it("quorum_loss is also healed by restarting the partitioned agents", () => {
    const sim = simulator({ schedule: [{ at: 30_000, scenario: "quorum_loss" }] });
    runUntil(sim, 40);
    const [fault] = sim.snapshot().faults;
    for (const id of fault!.targets)
      expect(sim.execute({ id: `r-${id}`, kind: "restart_agent", params: { agent_id: id } }, T0 + 40_000).status).toBe("succeeded");
    const events = runUntil(sim, 120);
    expect(ofType(events, "quorum_restored")).toHaveLength(1);
    expect(allRoundsSucceed(after(events, 45))).toBe(true);
    expect(sim.snapshot().faults).toEqual([]);
  });
});
