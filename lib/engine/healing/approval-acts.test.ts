// docs/decisions.md#d28: every failure type a prediction can name has a healing that runs on approval and issues a command at once.
import { describe, expect, it } from "vitest";
import { FAILURE_EVENT_TYPES } from "../patterns/event-roles";
import { BOTTLENECK_FAILURE_TYPES } from "../prediction/failure-maps";
import { SelfHealer } from "./self-healer";
import { failureFromPrediction } from "./synthetic-failures";
import { agent, counterIds, fakeView, FakePort, queue } from "./test-support";

/** Failure types the sources predict (pattern indicators, bottlenecks, trends, health, queue, degraded heartbeats). */
const PREDICTED_TYPES = [
  ...new Set([
    ...Object.values(FAILURE_EVENT_TYPES),
    ...Object.values(BOTTLENECK_FAILURE_TYPES),
    "token_exhaustion",
    "memory_exhaustion",
    "agent_down",
    "task_timeout",
    "task_queue_backlog",
  ]),
].sort();

/** A healer over a swarm with two healthy agents, a queue of 40 and resources at 85 %. */
function healer() {
  const port = new FakePort();
  const view = fakeView({
    agents: [agent("agent-1", 0.9, "busy", 4), agent("agent-2")],
    pending: queue(40),
    resources: { tokens: 85, memory: 85, agents: 85 },
  });
  return { port, h: new SelfHealer({ port, view, newId: counterIds("h") }) };
}

describe("an approved prediction always acts", () => {
  it.each(
    PREDICTED_TYPES.flatMap(
      (t) =>
        [
          [t, "agent-1"],
          [t, null],
        ] as const,
    ),
  )("%s on %s: started, and a command is issued", (failureType, agentId) => {
    const { port, h } = healer();
    const failure = failureFromPrediction({
      id: "p-1",
      failureType,
      agentId,
      confidence: 0.9,
      predictedAt: 0,
      expectedAt: 60_000,
      reasoning: "test",
    });
    const preview = h.preview(failure, "preventive");
    if (preview.kind === "none") {
      // Never offered as a proposal (the engine keeps it an observation, with this reason): nothing to approve.
      expect(preview.reason).toMatch(/no agent to act on|declined|no strategy/);
      return;
    }
    const r = h.onFailure(failure, "preventive", 0, { predictionId: "p-1", approved: true });
    expect(r.decision).toBe("started");
    for (let t = 0; t <= 30_000 && port.issued.length === 0; t += 1_000) h.tick(t);
    expect(port.issued.length).toBeGreaterThan(0);
    expect(port.issued[0]?.healingId).toBe(r.healing?.id);
  });

  it("a preview names the reason when nothing can run, and a healing already active on the target", () => {
    const { h } = healer();
    const orphan = failureFromPrediction({
      id: "p-2",
      failureType: "task_timeout",
      agentId: null,
      confidence: 0.9,
      predictedAt: 0,
      expectedAt: 1,
      reasoning: "",
    });
    expect(h.preview(orphan, "preventive")).toEqual({ kind: "none", reason: "strategy declined task_timeout" });
    const down = failureFromPrediction({
      id: "p-3",
      failureType: "agent_down",
      agentId: "agent-1",
      confidence: 0.9,
      predictedAt: 0,
      expectedAt: 1,
      reasoning: "",
    });
    const started = h.onFailure({ ...down, id: "f-1", context: {} }, "detected", 0);
    expect(h.preview(down, "preventive")).toEqual({ kind: "active", healingId: started.healing?.id });
  });

  it("refuse records a cancelled healing with the reason, linked to the proposal", () => {
    const { h } = healer();
    const f = failureFromPrediction({
      id: "p-4",
      failureType: "agent_down",
      agentId: "agent-1",
      confidence: 0.9,
      predictedAt: 0,
      expectedAt: 1,
      reasoning: "",
    });
    expect(h.refuse(f, "preventive", "p-4", "healing h-9 in progress", 5)).toMatchObject([
      {
        type: "healing.finished",
        healing: {
          status: "cancelled",
          predictionId: "p-4",
          reason: "skipped: healing h-9 in progress",
          finishedAt: 5,
          strategy: "AgentRestartStrategy",
        },
      },
    ]);
  });
});
