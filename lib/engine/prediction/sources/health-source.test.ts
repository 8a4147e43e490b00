// The health source's minimum sample: below `minResults` task results an agent is not judged at all.
import { describe, expect, it } from "vitest";
import type { AgentWindow } from "../observations";
import { healthCandidates } from "./health-source";

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
