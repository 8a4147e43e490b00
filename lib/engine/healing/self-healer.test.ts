// SelfHealer core loop: golden series for AgentRestart, docs/decisions.md#d19 (commands AND verification), docs/decisions.md#d17 figures, deadlines.
import { describe, expect, it } from "vitest";
import { complete, ev, failure, harness, play } from "./test-support";

const down = failure("agent_down", { id: "f-1", agentId: "a1", detectedAt: 0 });

describe("SelfHealer core loop", () => {
  it("golden: agent_down → restart_agent → succeeded → heartbeat → healing succeeded (D17 heal vs MTTR)", () => {
    const { healer, port } = harness();
    const lines = play(healer, [
      { at: 1000, failure: down },
      { at: 1200, result: ["cmd-1", "dispatched"] },
      { at: 1300, result: ["cmd-1", "acknowledged"] },
      { at: 1500, result: ["cmd-1", "succeeded"] },
      { at: 1800, event: ev("heartbeat", { agentId: "a1" }) },
    ]);
    expect(lines).toEqual([
      "t=1000 healing.started h-1 AgentRestartStrategy running",
      't=1000 command cmd-1 restart_agent pending {"agent_id":"a1","restore_metadata":true}',
      "t=1200 command cmd-1 restart_agent dispatched",
      "t=1300 command cmd-1 restart_agent acknowledged",
      "t=1500 command cmd-1 restart_agent succeeded",
      "t=1800 failure.resolved f-1 @1800",
      "t=1800 healing.finished h-1 AgentRestartStrategy succeeded reason=null heal=500 mttr=1800",
    ]);
    expect(port.issued).toEqual([
      { healingId: "h-1", kind: "restart_agent", params: { agent_id: "a1", restore_metadata: true }, deadline: 31_000 },
    ]);
  });

  it("a failure that a healing taken over from another owner heals joins it (no second healing) until it is released", () => {
    const { healer, port } = harness();
    healer.adopt("h-old", down);
    expect(healer.onFailure({ ...down, id: "f-2" }, "detected", 1000)).toMatchObject({
      decision: "coalesced",
      healing: null,
      reason: "healing h-old in progress (taken over from the previous engine owner)",
      changes: [],
    });
    expect(port.issued).toEqual([]);
    healer.release("h-old");
    expect(healer.memorySize()).toBe(0);
    expect(healer.onFailure({ ...down, id: "f-3" }, "detected", 2000).decision).toBe("started");
  });

  it("the finished record carries its real failure type, trigger, actions and timings (D17)", () => {
    const { healer } = harness();
    healer.onFailure(down, "detected", 1000);
    play(healer, complete("cmd-1", 1500));
    const done = healer.observe(ev("heartbeat", { agentId: "a1" }), 1800).find((c) => c.type === "healing.finished");
    expect(done?.type === "healing.finished" && done.healing).toEqual({
      id: "h-1",
      failureId: "f-1",
      predictionId: null,
      failureType: "agent_down",
      strategy: "AgentRestartStrategy",
      status: "succeeded",
      trigger: "detected",
      actions: [
        "restart a1 with its saved metadata",
        { kind: "restart_agent", params: { agent_id: "a1", restore_metadata: true }, commandId: "cmd-1", status: "succeeded" },
      ],
      reason: null,
      healMs: 500,
      recoveryMs: 1800,
      startedAt: 1000,
      finishedAt: 1800,
    });
  });

  it("D19: commands succeeded but no verification → failed at the verification timeout, no MTTR", () => {
    const { healer } = harness();
    const lines = play(healer, [
      { at: 0, failure: down },
      ...complete("cmd-1", 500),
      { at: 60_499, tick: true },
      { at: 60_500, tick: true },
    ]);
    expect(lines.at(-1)).toBe(
      "t=60500 healing.finished h-1 AgentRestartStrategy failed reason=verification timed out (agent_heartbeat) heal=500 mttr=null",
    );
    expect(lines.filter((l) => l.startsWith("t=60499"))).toEqual([]);
  });

  it("D19: verification seen but the command failed → failed (a heartbeat alone does not make success)", () => {
    const { healer } = harness();
    const lines = play(healer, [
      { at: 0, failure: down },
      { at: 100, event: ev("heartbeat", { agentId: "a1" }) },
      ...complete("cmd-1", 300, "failed", "agent unreachable"),
    ]);
    expect(lines.at(-1)).toBe(
      "t=300 healing.finished h-1 AgentRestartStrategy failed reason=command restart_agent failed: agent unreachable heal=300 mttr=null",
    );
  });

  it("D19: evidence that arrives while the command is in flight counts once the command succeeds", () => {
    const { healer } = harness();
    const lines = play(healer, [
      { at: 0, failure: down },
      { at: 100, event: ev("heartbeat", { agentId: "a1" }) },
      ...complete("cmd-1", 300),
    ]);
    expect(lines.at(-1)).toBe("t=300 healing.finished h-1 AgentRestartStrategy succeeded reason=null heal=300 mttr=300");
  });

  it("deadline: a command not finished by its deadline times out and fails the healing; late reports are ignored", () => {
    const { healer } = harness({ commandTimeoutMs: 10_000 });
    const lines = play(healer, [
      { at: 0, failure: down },
      { at: 2000, result: ["cmd-1", "dispatched"] },
      { at: 9999, tick: true },
      { at: 10_000, tick: true },
      { at: 10_500, result: ["cmd-1", "succeeded"] },
      { at: 11_000, event: ev("heartbeat", { agentId: "a1" }) },
    ]);
    expect(lines.slice(3)).toEqual([
      "t=10000 command cmd-1 restart_agent timed_out",
      "t=10000 healing.finished h-1 AgentRestartStrategy failed reason=command restart_agent timed_out: deadline passed heal=10000 mttr=null",
    ]);
  });

  it("command lifecycle moves forward only; a dispatch counts an attempt", () => {
    const { healer } = harness();
    healer.onFailure(down, "detected", 0);
    const first = healer.commandResult("cmd-1", { status: "dispatched", leaseUntil: 5000 }, 10);
    expect(first).toEqual([
      {
        type: "command.updated",
        command: expect.objectContaining({ status: "dispatched", attempts: 1, leaseUntil: 5000, finishedAt: null }),
      },
    ]);
    expect(healer.commandResult("cmd-1", { status: "dispatched" }, 20)).toEqual([]);
    expect(healer.commandResult("nope", { status: "succeeded" }, 20)).toEqual([]);
    const done = healer.commandResult("cmd-1", { status: "succeeded" }, 30);
    expect(done[0]).toEqual({
      type: "command.updated",
      command: expect.objectContaining({ status: "succeeded", attempts: 1, finishedAt: 30 }),
    });
    expect(healer.commandResult("cmd-1", { status: "failed" }, 40)).toEqual([]);
  });

  it("a repeated failure for the same target joins the running healing instead of starting another", () => {
    const { healer, port } = harness();
    healer.onFailure(down, "detected", 0);
    const again = healer.onFailure({ ...down, id: "f-2" }, "detected", 5000);
    expect(again).toMatchObject({ decision: "coalesced", healing: { id: "h-1", status: "running" }, changes: [] });
    expect(port.issued).toHaveLength(1);
  });

  it("a failure type with no strategy, or whose strategy cannot heal it, is unhandled and not recorded (reference §8.3)", () => {
    const { healer } = harness();
    expect(healer.onFailure(failure("token_budget_gone"), "detected", 0)).toMatchObject({
      decision: "unhandled",
      reason: "no strategy for token_budget_gone",
      changes: [],
    });
    expect(healer.onFailure(failure("slow_agent"), "detected", 0)).toMatchObject({
      decision: "unhandled",
      reason: "strategy declined slow_agent",
      changes: [],
    });
  });

  it("a strategy that declines while planning fails the healing with its reason (recorded, as in reference §8.4)", () => {
    const { healer } = harness();
    const r = healer.onFailure(failure("agent_down"), "detected", 0);
    expect(r.decision).toBe("started");
    expect(r.healing).toMatchObject({
      status: "failed",
      reason: "no agent_id",
      actions: ["AgentRestartStrategy: no agent_id"],
      healMs: null,
    });
  });

  it("markResolved verifies a healing whose commands are done (e.g. the bottleneck resolved)", () => {
    const { healer } = harness();
    healer.onFailure(down, "detected", 0);
    play(healer, complete("cmd-1", 100));
    const changes = healer.markResolved({ failureId: "f-1" }, 400);
    expect(changes.map((c) => c.type)).toEqual(["failure.resolved", "healing.finished"]);
  });
});
