// 1,000 agents × 100 events: one detection pass gives exactly the expected bottlenecks (timing lives in a benchmark).
import { describe, expect, it } from "vitest";
import { loadedDetector } from "./load-fixture";

describe("a 1,000-agent fleet (benchmark fixture)", () => {
  const { detector, workload } = loadedDetector();

  it("holds 1,000 agents and 100,000 tasks in bounded buckets", () => {
    expect(workload.events).toHaveLength(100_000);
    expect(detector.memory()).toMatchObject({ agents: 1000, agentBuckets: 40_000, fleetBuckets: 40, rows: 1000, tracked: 0 });
  });

  it("one pass detects the 100 slow agents (high) and the 40 unreliable ones (medium), in agent-id order", () => {
    const changes = detector.detect(workload.now);
    expect(changes.updated).toEqual([]);
    expect(changes.resolved).toEqual([]);
    const slow = new Set(workload.slowAgents);
    const expected = [...workload.slowAgents, ...workload.unreliableAgents]
      .sort()
      .map((id) => (slow.has(id) ? [id, "high", 0.605] : [id, "medium", 0.5]));
    expect(changes.detected.map((b) => [b.affectedResources[0], b.severity, b.impactScore])).toEqual(expected);
    expect(changes.detected[0]?.metrics).toEqual({
      agent_id: "agent-00000",
      avg_duration_ms: 4000,
      fleet_avg_duration_ms: 1300,
      duration_ratio: 3.077,
      success_rate: 1,
      task_count: 100,
      threshold_multiplier: 2,
    });
    expect(changes.detected.find((b) => b.affectedResources[0] === "agent-00001")?.metrics).toMatchObject({
      success_rate: 0.6,
      duration_ratio: 0.769,
    });
  });

  it("the next pass over unchanged aggregates changes nothing", () => {
    expect(detector.detect(workload.now + 1000)).toEqual({ detected: [], updated: [], resolved: [] });
    expect(detector.active()).toHaveLength(140);
  });
});
