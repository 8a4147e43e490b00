// The health source's minimum sample: below `minResults` task results an agent is not judged at all.
import { describe, expect, it } from "vitest";
import type { AgentWindow } from "./observations";
import { healthCandidates } from "./source-health";

const agent = (ok: boolean[]): AgentWindow => ({ agentId: "a1", results: ok.map((o) => ({ ok: o, durationMs: null })) });

describe("healthCandidates minimum results", () => {
  it.each([
    [[false], 1, 1],
    [[false], 5, 0],
    [[false, false, true, false], 5, 0],
    [[false, false, true, false, false], 5, 1],
  ])("%j with minResults %i → %i agent_down prediction(s)", (ok, min, n) => {
    expect(healthCandidates([agent(ok)], min).filter((c) => c.failureType === "agent_down")).toHaveLength(n);
  });
});

describe("healthCandidates slower than the fleet", () => {
  const slowing = (agentId: string, base: number): AgentWindow => ({
    agentId,
    results: [0, 1, 2, 3, 4].map((i) => ({ ok: true, durationMs: base + i * 200 })),
  });
  const fleet = [slowing("a1", 5_000), slowing("a2", 5_100), slowing("a3", 4_900)];

  it("without the comparison (reference), every agent whose tasks average over 5 s and rise is predicted to time out", () => {
    expect(
      healthCandidates(fleet, 5)
        .filter((c) => c.failureType === "task_timeout")
        .map((c) => c.agentId),
    ).toEqual(["a1", "a2", "a3"]);
  });

  it("with it, only an agent well above the fleet's mean is", () => {
    const withSlow = [...fleet, slowing("slow", 12_000)];
    expect(
      healthCandidates(withSlow, 5, 1.5)
        .filter((c) => c.failureType === "task_timeout")
        .map((c) => c.agentId),
    ).toEqual(["slow"]);
    expect(healthCandidates(fleet, 5, 1.5).filter((c) => c.failureType === "task_timeout")).toEqual([]);
  });
});
