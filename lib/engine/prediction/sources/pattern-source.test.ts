// Pattern source: D11 (fires only on a recent indicator event within the pattern's interval) and the 50/30/20 terms.
import { describe, expect, it } from "vitest";
import { DEFAULT_PREDICTION_CONFIG } from "../config";
import { Observations } from "../observations";
import { T0, ev, pattern } from "../test-fixtures";
import type { EngineEvent } from "../../types";
import { patternCandidates } from "./pattern-source";

function candidates(events: EngineEvent[], p = pattern({ id: "freq:heartbeat_failed", events: ["heartbeat_failed"], intervalMs: 30_000, lastSeen: T0 }), accuracy: number | null = null) {
  const obs = new Observations(DEFAULT_PREDICTION_CONFIG);
  for (const e of events) obs.observe(e);
  return patternCandidates([p], { now: T0, view: obs.view(T0), defaultIntervalMs: 300_000, historicalAccuracy: () => accuracy });
}

const hb = (ago: number, agent = "a-1") => ev("heartbeat_failed", T0 - ago, {}, agent);

describe("pattern source (D11)", () => {
  it.each([
    ["no indicator event at all", 0, []],
    ["an indicator event just outside the 30 s interval", 0, [hb(30_001)]],
    ["an indicator event exactly 30 s ago", 1, [hb(30_000)]],
    ["an indicator event 1 s ago", 1, [hb(1000)]],
    ["only non-indicator events", 0, [ev("heartbeat", T0 - 1000, {}, "a-1")]],
  ])("D11: %s → %i prediction(s)", (_name, n, events) => {
    expect(candidates(events)).toHaveLength(n);
  });

  it("D11: without an interval, the default 5 min applies", () => {
    const p = pattern({ id: "seq:x>task_timeout", type: "sequence", events: ["x", "task_timeout"], lastSeen: T0 });
    expect(candidates([ev("task_timeout", T0 - 299_000, {}, "a")], p)).toHaveLength(1);
    expect(candidates([ev("task_timeout", T0 - 301_000, {}, "a")], p)).toHaveLength(0);
  });

  it("names the agent of the newest indicator event; an agent-scoped pattern only counts its own agent", () => {
    expect(candidates([hb(20_000, "a-1"), hb(5000, "a-2")])[0]?.agentId).toBe("a-2");
    const scoped = pattern({ id: "freq:heartbeat_failed@a-1", events: ["heartbeat_failed"], intervalMs: 30_000, lastSeen: T0, agentId: "a-1" });
    expect(candidates([hb(5000, "a-2")], scoped)).toHaveLength(0);
    expect(candidates([hb(5000, "a-1")], scoped)[0]?.agentId).toBe("a-1");
  });

  it("the first indicator type (in pattern order) that occurred recently decides the failure type", () => {
    const p = pattern({ id: "seq:heartbeat_failed>task_timeout", type: "sequence", events: ["heartbeat_failed", "task_timeout"], lastSeen: T0 });
    expect(candidates([ev("task_timeout", T0 - 1000, {}, "a")], p)[0]?.failureType).toBe("task_failed");
    expect(candidates([ev("task_timeout", T0 - 1000, {}, "a"), hb(2000)], p)[0]?.failureType).toBe("agent_down");
  });

  it.each([
    ["frequency with interval", 45_000, pattern({ id: "f", events: ["token_warning"], intervalMs: 45_000, lastSeen: T0 })],
    ["sequence", 300_000, pattern({ id: "s", type: "sequence", events: ["token_warning"], intervalMs: 45_000, lastSeen: T0 })],
  ])("ETA: %s → %i ms", (_n, eta, p) => {
    expect(candidates([ev("token_warning", T0 - 1000)], p)[0]?.etaMs).toBe(eta);
  });

  it.each([
    [null, 0.85],
    [1, 1],
    [0, 0.7],
    [0.5, 0.85],
  ])("historical accuracy %s feeds the 30-point term → %f", (accuracy, confidence) => {
    expect(candidates([hb(1000)], undefined, accuracy)[0]?.confidence).toBe(confidence);
  });
});
