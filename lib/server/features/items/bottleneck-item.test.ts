// A bottleneck item's `resolution`: "no data" only while the bottleneck is resolved (an engine that sees it again
// when its swarm resumes sending makes it active, leaving the stored resolution behind).
import { expect, it } from "vitest";
import { bottleneckItem } from "./items";

const row = {
  id: "b1",
  type: "task_queue_backlog",
  severity: "high",
  impactScore: 0.7,
  affectedResources: [],
  metrics: {},
  recommendations: [],
  detectedAt: 0,
  updatedAt: 0,
};

it.each([
  ["resolved by storage for lack of data", { status: "resolved", resolvedAt: 1, resolution: "no data" }, "no data"],
  ["resolved by the engine", { status: "resolved", resolvedAt: 1 }, null],
  ["active again after a no-data resolution", { status: "active", resolution: "no data" }, null],
] as const)("%s → %s", (_, over, resolution) => {
  expect(bottleneckItem({ ...row, ...over }).resolution).toBe(resolution);
});
