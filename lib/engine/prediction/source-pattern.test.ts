// Pattern source: docs/decisions.md#d11 with docs/decisions.md#d9 revised (fires only while its precursor event is within the pattern's lead time, ETA =
// the rest of the lead) and the 50/30/20 confidence bounded by the pattern's own measured hit rate.
import { describe, expect, it } from "vitest";
import { DEFAULT_PREDICTION_CONFIG } from "./config";
import type { PatternOutcomes } from "./confidence";
import { Observations } from "./observations";
import { T0, ev, pattern } from "./test-fixtures";
import type { EngineEvent } from "../model/types";
import { patternCandidates } from "./source-pattern";

const memoryPattern = pattern({
  id: "corr:memory_pressure+heartbeat_failed",
  events: ["memory_pressure", "heartbeat_failed"],
  failureType: "agent_down",
  leadMs: 20_000,
  lastSeen: T0,
});

function candidates(events: EngineEvent[], p = memoryPattern, outcomes: PatternOutcomes | null = null, threshold = 0.7) {
  const obs = new Observations(DEFAULT_PREDICTION_CONFIG);
  for (const e of events) obs.observe(e);
  return patternCandidates([p], { now: T0, view: obs.view(T0), outcomes: () => outcomes, proposalThreshold: threshold });
}

const mp = (ago: number, agent = "a-1") => ev("memory_pressure", T0 - ago, {}, agent);

describe("pattern source (D11, D9 revised)", () => {
  it.each([
    ["no precursor event at all", 0, []],
    ["a precursor just outside the 20 s lead", 0, [mp(20_001)]],
    ["a precursor exactly 20 s ago", 1, [mp(20_000)]],
    ["a precursor 1 s ago", 1, [mp(1000)]],
    ["only the failure event itself (it never predicts itself)", 0, [ev("heartbeat_failed", T0 - 1000, {}, "a-1")]],
    ["only lifecycle events", 0, [ev("heartbeat", T0 - 1000, {}, "a-1"), ev("agent_registered", T0 - 1000, {}, "a-1")]],
  ])("%s → %i prediction(s)", (_name, n, events) => {
    expect(candidates(events)).toHaveLength(n);
  });

  it.each([
    ["just now", 0, 20_000],
    ["5 s ago", 5000, 15_000],
    ["20 s ago", 20_000, 0],
  ])("ETA is the rest of the measured lead: precursor %s → %i ms", (_n, ago, eta) => {
    expect(candidates([mp(ago)])[0]?.etaMs).toBe(eta);
  });

  it("predicts the pattern's failure type (not the precursor's) on the precursor's agent; an agent-scoped pattern only counts its own agent", () => {
    const [c] = candidates([mp(15_000, "a-1"), mp(5000, "a-2")]);
    expect(c).toMatchObject({
      failureType: "agent_down",
      agentId: "a-2",
      source: "pattern",
      patternIndicators: [memoryPattern.id],
      recommendedAction: "Restart the agent proactively",
    });
    const scoped = { ...memoryPattern, agentId: "a-1" };
    expect(candidates([mp(5000, "a-2")], scoped)).toHaveLength(0);
    expect(candidates([mp(5000, "a-1")], scoped)[0]?.agentId).toBe("a-1");
  });

  it("a precursor of any learnable type counts, not only the reference's indicator types", () => {
    const p = pattern({ id: "corr:gc_pause+task_timeout", events: ["gc_pause", "task_timeout"], failureType: "task_failed", lastSeen: T0 });
    expect(candidates([ev("gc_pause", T0 - 1000, {}, "a-9")], p)[0]).toMatchObject({
      failureType: "task_failed",
      agentId: "a-9",
      etaMs: 29_000,
    });
  });

  it("the reasoning names the episodes, lift, lead and the measured hit rate", () => {
    expect(candidates([mp(2000)])[0]?.reasoning).toBe(
      "Learned precursor memory_pressure → heartbeat_failed (3 episodes, lift 5.0, lead 20 s, hit rate not yet measured (0 of 3 outcomes)): memory_pressure occurred 2 s ago on a-1",
    );
    expect(candidates([mp(2000)], memoryPattern, { hits: 3, misses: 1 })[0]?.reasoning).toContain("hit rate 3/4)");
  });

  it.each<[string, PatternOutcomes | null, number]>([
    ["no outcomes yet: an observation just below the threshold", null, 0.6999],
    ["2 hits: not yet measured enough", { hits: 2, misses: 0 }, 0.6999],
    ["3 hits: proven, it proposes", { hits: 3, misses: 0 }, 1],
    ["3 of 4 hits (75 %): proposes at its hit rate", { hits: 3, misses: 1 }, 0.75],
    ["2 of 3 hits (67 %, below 0.7): observes", { hits: 2, misses: 1 }, 0.6667],
    ["keeps missing (1 of 6)", { hits: 1, misses: 5 }, 0.1667],
  ])("%s → confidence %f", (_name, outcomes, confidence) => {
    expect(candidates([mp(1000)], memoryPattern, outcomes)[0]?.confidence).toBe(confidence);
  });
});
