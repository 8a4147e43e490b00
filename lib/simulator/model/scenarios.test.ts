// Each fault scenario's observable signature within N seconds of injection, and none of them in the control run.
import { describe, expect, it } from "vitest";
import { BottleneckDetector } from "@/lib/engine";
import { SCENARIOS } from "./scenarios";
import type { SwarmSimulator } from "./simulator";
import { after, meta, ofType, runUntil, simulator, T0, toEngineEvent } from "./test-support";
import { SCENARIO_NAMES, type ScenarioName, type SimEvent } from "./types";

const INJECT_AT_SEC = 30;
const SEEDS = [1, 2, 3];

const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / Math.max(1, xs.length);
const durations = (events: SimEvent[], keep: (agentId: unknown) => boolean) =>
  ofType(events, "task_complete")
    .filter((e) => keep(e.agent_id))
    .map((e) => e.duration_ms as number);

/** Scenario → how long its signature may take, and the check (for the target agent, when it has one). */
const SIGNATURES: {
  scenario: Exclude<ScenarioName, "control">;
  withinSec: number;
  shows: (events: SimEvent[], target: string) => boolean;
}[] = [
  {
    scenario: "agent_crash",
    withinSec: 20,
    shows: (events, target) => {
      const failed = ofType(events, "heartbeat_failed", target)[0];
      const down = ofType(events, "agent_down", target)[0];
      return failed !== undefined && down !== undefined && (down.timestamp as number) > (failed.timestamp as number);
    },
  },
  {
    scenario: "slow_degradation",
    withinSec: 120,
    shows: (events, target) => {
      const late = after(events, INJECT_AT_SEC + 60);
      return (
        ofType(events, "high_latency", target).length > 0 &&
        mean(durations(late, (a) => a === target)) > 2 * mean(durations(late, (a) => a !== target))
      );
    },
  },
  {
    scenario: "token_leak",
    withinSec: 240,
    shows: (events) =>
      ofType(events, "token_warning").length > 0 &&
      ofType(events, "resource_snapshot").some((e) => {
        const t = meta(e, "tokens") as { consumed: number; total_budget: number };
        return t.consumed / t.total_budget >= 0.8;
      }),
  },
  {
    scenario: "queue_flood",
    withinSec: 90,
    shows: (events) => ofType(events, "queue_metric").some((e) => (meta(e, "queue_depth") as number) > 50),
  },
  {
    scenario: "quorum_loss",
    withinSec: 20,
    shows: (events) => ofType(events, "quorum_loss").length > 0 && ofType(events, "consensus_round").some((e) => e.result !== "success"),
  },
  {
    scenario: "memory_pressure",
    withinSec: 120,
    shows: (events, target) =>
      ofType(events, "memory_pressure", target).length > 0 &&
      ofType(events, "resource_metric").some((e) => (meta(e, "memory_usage_percent") as number) >= 85),
  },
  {
    scenario: "consensus_timeouts",
    withinSec: 120,
    shows: (events) => {
      const rounds = ofType(events, "consensus_round");
      return rounds.length >= 5 && rounds.filter((e) => e.result === "timeout").length / rounds.length > 0.1;
    },
  },
  {
    scenario: "flapping_heartbeats",
    withinSec: 40,
    shows: (events, target) =>
      ofType(events, "heartbeat_failed", target).length >= 3 &&
      ofType(events, "heartbeat", target).length >= 3 &&
      ofType(events, "agent_down", target).length === 0,
  },
];

/** Runs to the injection time, injects, and returns the target and the events of the next `withinSec` seconds. */
function injected(scenario: ScenarioName, seed: number, withinSec: number): { sim: SwarmSimulator; target: string; events: SimEvent[] } {
  const sim = simulator({ seed });
  runUntil(sim, INJECT_AT_SEC);
  const fault = sim.inject(scenario, T0 + INJECT_AT_SEC * 1000);
  return { sim, target: fault?.targets[0] ?? "", events: runUntil(sim, INJECT_AT_SEC + withinSec) };
}

describe("scenario signatures", () => {
  it("covers every scenario but control, which is documented as having none", () => {
    expect(SIGNATURES.map((s) => s.scenario).sort()).toEqual(SCENARIO_NAMES.filter((n) => n !== "control").sort());
    expect(SCENARIOS.control.signalTypes).toEqual([]);
    for (const name of SCENARIO_NAMES) expect(SCENARIOS[name].healedBy.length > 0).toBe(name !== "control");
  });

  describe.each(SEEDS)("seed %i", (seed) => {
    it.each(SIGNATURES)("$scenario shows within $withinSec s", ({ scenario, withinSec, shows }) => {
      const { target, events } = injected(scenario, seed, withinSec);
      expect(shows(events, target)).toBe(true);
      for (const type of SCENARIOS[scenario].signalTypes)
        expect({ type, seen: ofType(events, type).length > 0 }).toEqual({ type, seen: true });
    });

    it("control shows none of the signatures over 10 minutes", () => {
      const events = runUntil(simulator({ seed, schedule: [{ at: INJECT_AT_SEC * 1000, scenario: "control" }] }), 600);
      const agents = [...new Set(ofType(events, "agent_registered").map((e) => e.agent_id as string))];
      for (const { scenario, shows } of SIGNATURES) {
        expect({ scenario, shows: agents.some((a) => shows(events, a)) }).toEqual({ scenario, shows: false });
        for (const type of SCENARIOS[scenario].signalTypes) expect(ofType(events, type)).toEqual([]);
      }
    });
  });

  it("records active faults in the snapshot and forgets a flood when it ends", () => {
    const sim = simulator();
    runUntil(sim, 10);
    const flood = sim.inject("queue_flood", T0 + 10_000, undefined, 20_000);
    expect(flood).toMatchObject({ scenario: "queue_flood", targets: [], endsAt: T0 + 30_000 });
    expect(sim.inject("control", T0 + 10_000)).toBeNull();
    expect(sim.inject("agent_crash", T0 + 10_000, "agent-99")).toBeNull();
    runUntil(sim, 20);
    expect(sim.snapshot().faults.map((f) => f.scenario)).toEqual(["queue_flood"]);
    runUntil(sim, 31);
    expect(sim.snapshot().faults).toEqual([]);
  });

  it("lets a fault with a duration wear off: a crashed agent comes back by itself", () => {
    const sim = simulator({ schedule: [{ at: 20_000, scenario: "agent_crash", target: "agent-03", durationMs: 30_000 }] });
    const events = runUntil(sim, 60);
    expect(ofType(events, "agent_down", "agent-03")).toHaveLength(1);
    expect(ofType(after(events, 50), "agent_registered", "agent-03")).toHaveLength(1);
    expect(ofType(after(events, 53), "heartbeat", "agent-03").length).toBeGreaterThan(0);
  });
});

describe("as the bottleneck detector sees it", () => {
  // minSamples 5: with the default of 1, a single early task failure already reads as a 0 % success rate.
  const detected = (scenario: ScenarioName, seed: number, untilSec: number): Set<string> => {
    const sim = simulator({ seed, schedule: [{ at: INJECT_AT_SEC * 1000, scenario, target: "agent-02" }] });
    let n = 0;
    const detector = new BottleneckDetector(() => `b${n++}`, { minSamples: 5 });
    const seen = new Set<string>();
    for (let sec = 1; sec <= untilSec; sec++) {
      detector.observe(sim.advance(T0 + sec * 1000).map(toEngineEvent), T0 + sec * 1000);
      for (const f of detector.evaluate(T0 + sec * 1000)) seen.add(`${f.type}:${f.resource}`);
    }
    return seen;
  };

  it.each([
    ["queue_flood", "task_queue_backlog:task_queue", 120],
    ["token_leak", "token_exhaustion:global", 300],
    ["consensus_timeouts", "consensus_timeout:consensus", 90],
    ["quorum_loss", "consensus_timeout:consensus", 60],
    // The detector averages the whole 5-minute window, so the agent's fast early tasks must age out first.
    ["slow_degradation", "slow_agent:agent-02", 420],
  ] as const)("%s → %s within %i s", (scenario, bottleneck, untilSec) => {
    expect(detected(scenario, 4, untilSec)).toContain(bottleneck);
  });

  it("control → no bottleneck", () => {
    expect([...detected("control", 4, 300)]).toEqual([]);
  });
});
