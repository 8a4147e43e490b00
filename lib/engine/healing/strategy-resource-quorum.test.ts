// ResourceRebalance and QuorumRecovery: golden series (docs/engine.md#s-14 vector 5 adjusted per docs/decisions.md#d18), commands issued in order.
import { describe, expect, it } from "vitest";
import { detectFailure } from "./detect-failure";
import { agent, complete, counterIds, ev, failure, harness, play } from "./test-support";
import { rebalanceCommands } from "./strategy-resource-rebalance";

describe("ResourceRebalanceStrategy", () => {
  it("golden: memory on an agent → pause low-priority work, then halve its concurrency; usage drops → succeeded", () => {
    const { healer, view } = harness();
    view.state.agents = [agent("a1", 0.8, "busy", 4)];
    view.state.resources = { memory: 96 };
    const f = failure("resource_exhaustion", {
      id: "f-1",
      agentId: "a1",
      context: { resource_type: "memory", current_usage: 96, limit: 100 },
    });
    const lines = play(healer, [{ at: 0, failure: f }, ...complete("cmd-1", 200), ...complete("cmd-2", 300), { at: 5000, tick: true }]);
    view.state.resources = { memory: 70 };
    lines.push(...play(healer, [{ at: 6000, tick: true }]));
    expect(lines).toEqual([
      "t=0 healing.started h-1 ResourceRebalanceStrategy running",
      't=0 command cmd-1 pause_tasks pending {"max_priority":"LOW","resource_type":"memory"}',
      "t=200 command cmd-1 pause_tasks dispatched",
      "t=200 command cmd-1 pause_tasks acknowledged",
      "t=200 command cmd-1 pause_tasks succeeded",
      't=200 command cmd-2 set_concurrency pending {"agent_id":"a1","limit":2}',
      "t=300 command cmd-2 set_concurrency dispatched",
      "t=300 command cmd-2 set_concurrency acknowledged",
      "t=300 command cmd-2 set_concurrency succeeded",
      "t=6000 failure.resolved f-1 @6000",
      "t=6000 healing.finished h-1 ResourceRebalanceStrategy succeeded reason=null heal=300 mttr=6000",
    ]);
  });

  it("§14 v5: a quota_exceeded event heals as resource_exhaustion (unknown resource) and succeeds after a quiet window", () => {
    const { healer } = harness();
    const f = detectFailure(ev("quota_exceeded"), 0, counterIds("f"));
    const lines = play(healer, [{ at: 0, failure: f! }, ...complete("cmd-1", 100), { at: 30_099, tick: true }, { at: 30_100, tick: true }]);
    expect(lines[1]).toBe('t=0 command cmd-1 pause_tasks pending {"max_priority":"LOW","resource_type":"unknown"}');
    expect(lines.at(-1)).toBe("t=30100 healing.finished h-1 ResourceRebalanceStrategy succeeded reason=null heal=100 mttr=30100");
  });

  it("a recurrence during the quiet window fails the verification", () => {
    const { healer } = harness();
    const f = failure("resource_exhaustion", { id: "f-1", context: { resource_type: "tokens" } });
    play(healer, [{ at: 0, failure: f }, ...complete("cmd-1", 100)]);
    const again = healer.onFailure({ ...f, id: "f-2" }, "detected", 5000);
    expect(again.changes.map((c) => c.type === "healing.finished" && c.healing.reason)).toContain("verification failed: failure recurred");
    expect(again.decision).toBe("skipped");
  });

  it.each([
    ["tokens", "high", null, [["pause_tasks", { max_priority: "LOW", resource_type: "tokens" }]]],
    ["tokens", "critical", null, [["pause_tasks", { max_priority: "MEDIUM", resource_type: "tokens" }]]],
    [
      "cpu",
      "high",
      null,
      [
        ["pause_tasks", { max_priority: "LOW", resource_type: "cpu" }],
        ["set_concurrency", { limit: 5 }],
      ],
    ],
    [
      "memory",
      "high",
      "a1",
      [
        ["pause_tasks", { max_priority: "LOW", resource_type: "memory" }],
        ["set_concurrency", { agent_id: "a1", limit: 1 }],
      ],
    ],
  ] as const)("rebalances %s (%s, agent %s) per resource type", (resourceType, severity, agentId, expected) => {
    const f = failure("resource_exhaustion", { severity, agentId });
    expect(rebalanceCommands(f, resourceType, agentId ? 3 : null).map((c) => [c.kind, c.params])).toEqual(expected);
  });
});

describe("QuorumRecoveryStrategy", () => {
  it("§14 v5 (D18): consensus_failed with 2 agents, quorum 3 → scale_agents{delta:1}, verified when the count reaches 3", () => {
    const { healer, view } = harness();
    view.state.agentCount = 2;
    const f = detectFailure(ev("consensus_failed", {}, { current_agents: 2, required_quorum: 3 }), 0, counterIds("f"));
    const lines = play(healer, [{ at: 0, failure: f! }, ...complete("cmd-1", 400), { at: 5000, tick: true }]);
    view.state.agentCount = 3;
    lines.push(...play(healer, [{ at: 9000, tick: true }]));
    expect(lines).toEqual([
      "t=0 healing.started h-1 QuorumRecoveryStrategy running",
      't=0 command cmd-1 scale_agents pending {"delta":1,"reason":"quorum_loss"}',
      "t=400 command cmd-1 scale_agents dispatched",
      "t=400 command cmd-1 scale_agents acknowledged",
      "t=400 command cmd-1 scale_agents succeeded",
      "t=9000 failure.resolved f-1 @9000",
      "t=9000 healing.finished h-1 QuorumRecoveryStrategy succeeded reason=null heal=400 mttr=9000",
    ]);
    expect(healer.active()).toEqual([]);
  });

  it("fails when the quorum is not reached within the verification timeout", () => {
    const { healer, view } = harness();
    view.state.agentCount = 1;
    const lines = play(healer, [
      { at: 0, failure: failure("quorum_loss", { context: { required_quorum: 3 } }) },
      ...complete("cmd-1", 100),
      { at: 60_100, tick: true },
    ]);
    expect(lines[1]).toContain('"delta":2');
    expect(lines.at(-1)).toContain("failed reason=verification timed out (agent_count_at_least)");
  });
});
