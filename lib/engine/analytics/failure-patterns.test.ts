// Failure patterns (docs/engine.md#s-10-4): top types, frequency with the one-hour floor, hour of day, agents.
import { describe, expect, it } from "vitest";
import { failurePatterns } from "./failure-patterns";
import { MIN, T0, result, series } from "./test-records";

const HOUR = 60 * MIN;

describe("failurePatterns", () => {
  it("§14 vector 6: 30 results over a 29-minute span → 30 per hour (span floored to one hour)", () => {
    expect(failurePatterns(series(30, (i) => i >= 15)).failure_frequency).toBe(30);
  });

  it.each([
    ["no results", [], 0],
    ["one result", [result(T0)], 0],
    ["two results 4 h apart", [result(T0), result(T0 + 4 * HOUR)], 0.5],
    ["three results 30 min apart", [result(T0), result(T0 + 30 * MIN), result(T0 + 60 * MIN)], 3],
  ])("frequency with %s = %f per hour", (_, records, perHour) => {
    expect(failurePatterns(records).failure_frequency).toBe(perHour);
  });

  it("lists the top 5 real failure types, most frequent first, ties by name", () => {
    const counts: [string, number][] = [
      ["task_timeout", 3],
      ["agent_down", 5],
      ["quorum_loss", 1],
      ["b_type", 2],
      ["a_type", 2],
      ["resource_exhaustion", 4],
    ];
    const records = counts.flatMap(([failureType, n]) => Array.from({ length: n }, (_, i) => result(T0 + i, false, { failureType })));
    expect(failurePatterns(records).most_common_failures).toEqual([
      { type: "agent_down", count: 5 },
      { type: "resource_exhaustion", count: 4 },
      { type: "task_timeout", count: 3 },
      { type: "a_type", count: 2 },
      { type: "b_type", count: 2 },
    ]);
  });

  it("counts per UTC hour of day and per agent, skipping missing and unknown agents", () => {
    const records = [
      result(T0 + 3 * HOUR, true, { agentId: "agent-1" }),
      result(T0 + 3 * HOUR + 59 * MIN, false, { agentId: "agent-1" }),
      result(T0 + 26 * HOUR, true, { agentId: "unknown" }),
      result(T0 + 23 * HOUR, true, { agentId: null }),
      result(T0 + 5 * HOUR, true, { agentId: "agent-2" }),
    ];
    const p = failurePatterns(records);
    expect(p.time_of_day_patterns).toHaveLength(24);
    expect(p.time_of_day_patterns[3]).toBe(2);
    expect(p.time_of_day_patterns[2]).toBe(1);
    expect(p.time_of_day_patterns[23]).toBe(1);
    expect(p.agent_patterns).toEqual({ "agent-1": 2, "agent-2": 1 });
  });

  it("leaves out preventive healings (no failure happened) and unfinished ones", () => {
    const records = [
      result(T0),
      result(T0 + 1, true, { trigger: "preventive" }),
      result(T0 + 2, true, { trigger: "manual" }),
      result(T0 + 3, true, { status: "pending" }),
    ];
    expect(failurePatterns(records).total).toBe(2);
  });
});
