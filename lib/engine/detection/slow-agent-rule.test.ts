// The slow-agent rule as a detection pass runs it: screening agrees with the docs/decisions.md#d5 grade, findings come in agent-id
// order, and a finding the sink already holds is never built.
import { describe, expect, it } from "vitest";
import type { FindingSink } from "./lifecycle";
import { slowAgentRule } from "./fleet-rules";
import { gradeSlowAgent, slowAgentFires } from "./severity-table";
import { AgentWindows, newTaskWindow, type TaskField } from "./task-window";
import type { Finding } from "./types";

/** Windows for agents given as [id, [durationMs | null, success][]], all tasks in one bucket. */
function windows(agents: Array<[string, Array<[number | null, boolean]>]>): {
  agents: AgentWindows;
  fleet: ReturnType<typeof newTaskWindow>;
} {
  const w = new AgentWindows(1000, 100);
  const fleet = newTaskWindow(1000);
  for (const [id, tasks] of agents) {
    for (const [durationMs, success] of tasks) {
      const sample: Partial<Record<TaskField, number>> = {
        tasks: 1,
        successes: success ? 1 : 0,
        timedTasks: durationMs === null ? 0 : 1,
        durationSum: durationMs ?? 0,
      };
      w.add(id, 500, sample, 0);
      fleet.add(500, sample);
    }
  }
  return { agents: w, fleet };
}

/** A sink that collects reports and holds the identities it is given. */
function sink(held: string[] = []): FindingSink & { reports: Finding[]; asked: string[] } {
  const reports: Finding[] = [];
  const asked: string[] = [];
  return { reports, asked, holds: (identity) => (asked.push(identity), held.includes(identity)), report: (f) => void reports.push(f) };
}

describe("slow-agent screening", () => {
  it.each<[number | null, number | null]>([
    [null, null],
    [null, 0.69],
    [null, 0.7],
    [2, 1],
    [2.0001, 1],
    [3.5, 0.9],
    [1, 0.49],
    [-1, 0.8],
    [-1, 0.5],
    [0, 0],
  ])("ratio %s, success %s: fires exactly when a grade exists", (ratio, success) =>
    expect(slowAgentFires(ratio, success)).toBe(gradeSlowAgent(ratio, success) !== null),
  );
});

describe("slowAgentRule through a sink", () => {
  const fleet: Array<[string, Array<[number | null, boolean]>]> = [
    [
      "z-slow",
      [
        [9000, true],
        [9000, true],
      ],
    ],
    [
      "a-ok",
      [
        [1000, true],
        [1000, true],
      ],
    ],
    [
      "m-failing",
      [
        [1000, false],
        [1000, false],
      ],
    ],
    [
      "b-untimed",
      [
        [null, false],
        [null, true],
        [null, false],
      ],
    ],
    [
      "c-ok",
      [
        [1000, true],
        [1000, true],
      ],
    ],
  ];

  it("reports the flagged agents in agent-id order with their metrics (unknown ratio → null)", () => {
    const { agents, fleet: f } = windows(fleet);
    const s = sink();
    slowAgentRule(agents, f.totals, 1, s);
    expect(s.reports.map((r) => [r.resource, r.severity, r.metrics.duration_ratio, r.metrics.success_rate])).toEqual([
      ["b-untimed", "high", null, 0.3333],
      ["m-failing", "high", 0.333, 0],
      ["z-slow", "medium", 3, 1],
    ]);
  });

  it("builds no finding for an identity the sink holds, and asks in agent-id order", () => {
    const { agents, fleet: f } = windows(fleet);
    const s = sink(["slow_agent:m-failing"]);
    slowAgentRule(agents, f.totals, 1, s);
    expect(s.asked).toEqual(["slow_agent:b-untimed", "slow_agent:m-failing", "slow_agent:z-slow"]);
    expect(s.reports.map((r) => r.resource)).toEqual(["b-untimed", "z-slow"]);
  });

  it.each([
    [1, 3],
    [3, 1],
    [4, 0],
  ])("min samples %i: %i agents judged", (minSamples, n) => {
    const { agents, fleet: f } = windows(fleet);
    const s = sink();
    slowAgentRule(agents, f.totals, minSamples, s);
    expect(s.reports).toHaveLength(n);
  });
});
