// docs/engine.md#s-14 vector 4, ported: the six predictions with source, type, agent, confidence and ETA.
import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../model/types";
import { PredictiveHealing } from "./predictive-healing";
import { T0, counterIds, ev, pattern, queueMetric, resourceMetric } from "./test-fixtures";

/** A learned precursor (docs/decisions.md#d9 revised) standing in for the reference's `freq:heartbeat_failed`: high_latency on an agent
 * 60 s before its heartbeat_failed; its predictions hit 3 of 3 times, so it may propose. */
const latencyPattern = pattern({
  id: "corr:high_latency+heartbeat_failed",
  events: ["high_latency", "heartbeat_failed"],
  failureType: "agent_down",
  confidence: 0.8,
  leadMs: 60_000,
  lastSeen: T0 - 30_000,
});

/** Three earlier confirmed predictions of the pattern, so that its measured hit rate lets it propose. */
function proven(ph: PredictiveHealing): void {
  for (let k = 0; k < 3; k++) {
    const at = T0 - 3_600_000 + k * 600_000;
    ph.observe(ev("high_latency", at, {}, "agent-007"));
    ph.predict(at, { patterns: [latencyPattern] });
    ph.recordFailure({ failureType: "agent_down", agentId: "agent-007", ts: at + 30_000 });
    ph.settleOutcomes(at + 30_000);
  }
}

/** The vector's inputs, three samples 10 s apart ending at T0; `tasks` builds the agent-002/agent-003 task events. */
function vectorEvents(tasks: (ts: number) => EngineEvent[]): EngineEvent[] {
  const at = [T0 - 20_000, T0 - 10_000, T0] as const;
  return [
    ...at.map((ts, i) => resourceMetric(ts, [85, 88, 91][i], [86, 90, 95][i])),
    ...at.map((ts, i) => queueMetric(ts, [40, 60, 80][i], [8, 11, 14][i])),
    ...tasks(T0 - 40_000),
    ev("high_latency", T0 - 30_000, { agent_id: "agent-007" }, "agent-007"),
  ];
}

const asSent = (t: number): EngineEvent[] => [
  ...[6000, 7000, 8000].map((d, i) => ev("task_complete", t + i * 1000, { duration_ms: d, result: "success" }, "agent-002")),
  ...[0, 1, 2].map((i) => ev("task_failed", t + i * 1000, {}, "agent-003")),
  ev("task_complete", t + 3000, { duration_ms: 100, result: "success" }, "agent-003"),
];

/** The coordinator's shape (docs/decisions.md#d13): duration and result inside metadata, failures as task_complete with result ≠ success. */
const coordinatorShape = (t: number): EngineEvent[] => [
  ...[6000, 7000, 8000].map((d, i) => ev("task_complete", t + i * 1000, { metadata: { duration_ms: d, result: "success" } }, "agent-002")),
  ...[0, 1, 2].map((i) =>
    ev("task_complete", t + i * 1000, { metadata: { duration_ms: 100, result: i === 0 ? "timeout" : "failure" } }, "agent-003"),
  ),
  ev("task_complete", t + 3000, { metadata: { duration_ms: 100, result: "success" } }, "agent-003"),
];

const EXPECTED = [
  ["health", "task_timeout", "agent-002", 1.0, 180_000],
  ["queue", "task_queue_backlog", null, 1.0, 60_000],
  ["trend", "memory_exhaustion", null, 0.95, 11_111],
  ["trend", "token_exhaustion", null, 0.91, 30_000],
  ["pattern", "agent_down", "agent-007", 0.9, 30_000],
  ["health", "agent_down", "agent-003", 0.75, 120_000],
];

function run(events: EngineEvent[]) {
  const ph = new PredictiveHealing({ newId: counterIds() });
  proven(ph);
  for (const e of events) ph.observe(e);
  return ph.predict(T0, { patterns: [latencyPattern] });
}

describe("§14 vector 4", () => {
  it("gives the six predictions, sorted by confidence (D11: high_latency 30 s ago is within the pattern's 60 s lead; D12: all ≥ 0.7, so all open proposals)", () => {
    const out = run(vectorEvents(asSent));
    expect(out.map((p) => [p.source, p.failureType, p.agentId, p.confidence, p.expectedAt - p.predictedAt])).toEqual(EXPECTED);
    expect(out.map((p) => p.status)).toEqual(Array(6).fill("open"));
    expect(out.map((p) => p.id)).toEqual(["p-4", "p-5", "p-6", "p-7", "p-8", "p-9"]);
    expect(out.every((p) => p.predictedAt === T0 && p.outcome === null)).toBe(true);
    expect(out.map((p) => p.patternIndicators)).toEqual([
      ["agent_slowdown_agent-002"],
      ["queue_backlog_trend"],
      ["resource_trend_memory"],
      ["resource_trend_token"],
      ["corr:high_latency+heartbeat_failed"],
      ["agent_health_agent-003"],
    ]);
  });

  it("gives the same six from the coordinator's task_complete shape (D13: metadata.duration_ms, result ≠ success is a failure)", () => {
    const out = run(vectorEvents(coordinatorShape));
    expect(out.map((p) => [p.source, p.failureType, p.agentId, p.confidence, p.expectedAt - p.predictedAt])).toEqual(EXPECTED);
  });

  it("drops the pattern prediction when the high_latency is older than the pattern's lead (D11)", () => {
    const events = vectorEvents(asSent).map((e) => (e.type === "high_latency" ? { ...e, ts: T0 - 60_001 } : e));
    expect(run(events).map((p) => p.source)).not.toContain("pattern");
  });
});
