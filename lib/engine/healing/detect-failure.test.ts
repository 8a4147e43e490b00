// detectFailure: docs/engine.md#s-8-2 table, docs/engine.md#s-14 vector 5 detection cases, and docs/decisions.md#d16.
import { describe, expect, it } from "vitest";
import { detectFailure } from "./detect-failure";
import { failureFromBottleneck, failureFromPrediction } from "./synthetic-failures";
import { counterIds, ev } from "./test-support";

const detect = (type: string, extra = {}, data = {}) => detectFailure(ev(type, extra, data), 5000, counterIds("f"));

describe("detectFailure", () => {
  it.each([
    ["heartbeat_failed", { agentId: "a" }, {}, "agent_down", "high", { health_state: "failed", detection_source: "heartbeat_failed" }],
    ["agent_failed", { agentId: "a" }, { health_state: "FAILED" }, "agent_down", "high", { health_state: "FAILED" }],
    ["task_timeout", { taskId: "t", agentId: "a" }, { timeout_ms: 3000 }, "task_timeout", "medium", { task_id: "t", timeout_ms: 3000 }],
    ["task_timeout", { taskId: "t" }, {}, "task_timeout", "medium", { timeout_ms: 0 }],
    [
      "resource_exhaustion",
      {},
      { resource_type: "memory", severity: "critical", current_usage: 95, limit: 100 },
      "resource_exhaustion",
      "critical",
      { resource_type: "memory", current_usage: 95, limit: 100 },
    ],
    ["quota_exceeded", {}, {}, "resource_exhaustion", "high", { resource_type: "unknown" }],
    ["quorum_loss", {}, { current_agents: 2 }, "quorum_loss", "critical", { current_agents: 2, required_quorum: 3 }],
    ["consensus_failed", { agentId: "a" }, { required_quorum: 5 }, "quorum_loss", "critical", { current_agents: 0, required_quorum: 5 }],
  ])("%s %j %j → %s (%s)", (type, extra, data, failureType, severity, context) => {
    const f = detect(type, extra, data);
    expect(f).toMatchObject({
      id: "f-1",
      failureType,
      severity,
      detectedAt: 5000,
      resolvedAt: null,
      context: { event_id: `e-${type}`, ...context },
    });
  });

  it("§14 v5: quorum failures carry no agent; resource failures pass the agent through", () => {
    expect(detect("consensus_failed", { agentId: "a" })?.agentId).toBeNull();
    expect(detect("quota_exceeded", { agentId: "a" })?.agentId).toBe("a");
  });

  it.each([
    ["heartbeat_failed", {}, {}],
    ["agent_failed", { agentId: "a" }, {}],
    ["agent_failed", { agentId: "a" }, { health_state: "degraded" }],
    ["task_timeout", { agentId: "a" }, {}],
    ["task_failed", { agentId: "a" }, {}],
    ["token_exhaustion", {}, {}],
    ["heartbeat", { agentId: "a" }, {}],
  ])("§14 v5: %s %j %j → null", (type, extra, data) => {
    expect(detect(type, extra, data)).toBeNull();
  });

  it.each(["failed", "Failed", "FAILED"])("D16: agent_failed with health_state %s → agent_down", (hs) => {
    expect(detect("agent_failed", { agentId: "a" }, { health_state: hs })?.failureType).toBe("agent_down");
  });

  it("D16: agent_down events map to agent_down (reference: null)", () => {
    expect(detect("agent_down", { agentId: "a" })).toMatchObject({
      failureType: "agent_down",
      agentId: "a",
      context: { detection_source: "agent_down" },
    });
  });

  it("D16: task_failed events with a task id map to task_failed (reference: null)", () => {
    expect(detect("task_failed", { agentId: "a" }, { task_id: "t9", error: "boom" })).toMatchObject({
      failureType: "task_failed",
      taskId: "t9",
      agentId: "a",
      context: { task_id: "t9", error: "boom" },
    });
  });

  it("reads snake_case ids and fields from the body or metadata when the envelope lacks them", () => {
    expect(detect("heartbeat_failed", {}, { agent_id: "b" })?.agentId).toBe("b");
    expect(detect("quorum_loss", {}, { metadata: { current_agents: 1 } })?.context.current_agents).toBe(1);
  });

  it("builds preventive failures from predictions and failures from bottlenecks", () => {
    const p = failureFromPrediction({
      id: "p1",
      failureType: "task_timeout",
      agentId: "a",
      confidence: 0.8,
      predictedAt: 10,
      expectedAt: 99,
      reasoning: "slow",
    });
    expect(p).toMatchObject({
      id: "predicted:p1",
      agentId: "a",
      detectedAt: 10,
      context: { predicted: true, prediction_id: "p1", expected_at: 99 },
    });
    const b = failureFromBottleneck(
      { id: "b1", type: "slow_agent", severity: "high", affectedResources: ["a7"], metrics: { mean_ms: 900 }, detectedAt: 5 },
      counterIds("f"),
    );
    expect(b).toMatchObject({
      id: "f-1",
      failureType: "slow_agent",
      agentId: "a7",
      severity: "high",
      detectedAt: 5,
      context: { mean_ms: 900, bottleneck_id: "b1" },
    });
    expect(
      failureFromBottleneck(
        { id: "b2", type: "token_exhaustion", severity: "critical", affectedResources: ["global"], metrics: {}, detectedAt: 5 },
        counterIds("f"),
      ).context.resource_type,
    ).toBe("tokens");
  });
});
