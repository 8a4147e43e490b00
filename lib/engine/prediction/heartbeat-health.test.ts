// Degraded heartbeats: the per-agent run of degraded reports and the health source's agent_down predictions from it.
import { describe, expect, it } from "vitest";
import { HeartbeatHealth } from "./heartbeat-health";
import { PredictiveHealing } from "./predictive-healing";
import { degradedCandidates } from "./source-degraded";
import { T0, counterIds, ev } from "./test-fixtures";

const beat = (ago: number, state: string, agent = "a-1", inMetadata = false) =>
  ev("heartbeat", T0 - ago, inMetadata ? { metadata: { health_state: state } } : { health_state: state }, agent);

describe("HeartbeatHealth", () => {
  it.each([
    ["no heartbeat", [], []],
    ["healthy", [beat(5000, "healthy")], []],
    ["one degraded", [beat(5000, "degraded")], [["a-1", 1]]],
    [
      "three degraded in a row (case-insensitive, metadata too)",
      [beat(15_000, "degraded"), beat(10_000, "DEGRADED"), beat(5000, "degraded", "a-1", true)],
      [["a-1", 3]],
    ],
    ["a healthy report ends the run", [beat(10_000, "degraded"), beat(5000, "healthy")], []],
    [
      "a run starts again after a healthy report",
      [beat(15_000, "degraded"), beat(10_000, "healthy"), beat(5000, "degraded")],
      [["a-1", 1]],
    ],
    ["an older, late heartbeat is ignored", [beat(5000, "degraded"), beat(10_000, "healthy")], [["a-1", 1]]],
    [
      "heartbeat_failed is not a health report",
      [beat(10_000, "degraded"), ev("heartbeat_failed", T0 - 5000, { health_state: "unresponsive" }, "a-1")],
      [["a-1", 1]],
    ],
    ["outside the window", [beat(400_000, "degraded")], []],
  ])("%s → %j", (_name, events, expected) => {
    const h = new HeartbeatHealth(10);
    for (const e of events) h.observe(e);
    expect(h.degraded(T0 - 300_000).map((d) => [d.agentId, d.streak])).toEqual(expected);
  });

  it("keeps at most maxAgents, evicting the least recently heard from, and prunes the silent", () => {
    const h = new HeartbeatHealth(2);
    for (const [i, agent] of ["a", "b", "c"].entries()) h.observe(beat(30_000 - i * 1000, "degraded", agent));
    expect(h.degraded(0).map((d) => d.agentId)).toEqual(["b", "c"]);
    h.prune(T0 - 28_500);
    expect(h.size).toBe(1);
  });
});

describe("degraded heartbeats → agent_down (health source)", () => {
  it.each([
    [1, 0.6],
    [2, 0.7],
    [4, 0.9],
    [9, 1],
  ])("%i degraded heartbeat(s) in a row → confidence %f", (streak, confidence) => {
    expect(
      degradedCandidates([{ agentId: "a-1", streak }]).map((c) => [c.failureType, c.agentId, c.confidence, c.etaMs, c.source]),
    ).toEqual([["agent_down", "a-1", confidence, 120_000, "health"]]);
  });

  it.each([
    [false, []],
    [true, [["agent_down", "a-1", "open"]]],
  ])("healthFromHeartbeats %s (reference: false)", (on, expected) => {
    const ph = new PredictiveHealing({ newId: counterIds(), config: { healthFromHeartbeats: on } });
    for (const e of [beat(10_000, "degraded"), beat(5000, "degraded")]) ph.observe(e);
    expect(ph.predict(T0).map((p) => [p.failureType, p.agentId, p.status])).toEqual(expected);
  });
});
