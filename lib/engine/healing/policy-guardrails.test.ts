// docs/decisions.md#d23 policies (auto / approve / off, approve path, expiry) and docs/decisions.md#d22 guardrails (hourly cap, cooldown, re-check skip).
import { describe, expect, it } from "vitest";
import { guardrailCheck, GUARDRAIL_DEFAULTS } from "./guardrails";
import { policyFor } from "./policy";
import { complete, ev, failure, harness, play } from "./test-support";

const down = (id: string, agentId = "a1") => failure("agent_down", { id, agentId });

describe("policyFor (D23)", () => {
  it.each([
    [{}, "agent_down", "detected", "auto"],
    [{}, "agent_down", "preventive", "approve"],
    [{ detected: { agent_down: "approve" } }, "agent_down", "detected", "approve"],
    [{ detected: { "*": "off" } }, "quorum_loss", "detected", "off"],
    [{ detected: { "*": "off", quorum_loss: "auto" } }, "quorum_loss", "detected", "auto"],
    [{ preventive: { token_exhaustion: "auto" } }, "token_exhaustion", "preventive", "auto"],
    [{ detected: { agent_down: "off" } }, "agent_down", "manual", "auto"],
  ] as const)("%j %s %s → %s", (cfg, type, trigger, policy) => expect(policyFor(cfg, type, trigger)).toBe(policy));
});

describe("SelfHealer policies (D23)", () => {
  it("default: a detected failure heals at once; a preventive one becomes a pending proposal that runs on approval", () => {
    const { healer } = harness();
    expect(healer.onFailure(down("f-1"), "detected", 0).decision).toBe("started");
    const p = failure("agent_down", { id: "predicted:p9", agentId: "a2", context: { predicted: true, prediction_id: "p9" } });
    const lines = play(healer, [
      { at: 10, failure: p, trigger: "preventive" },
      { at: 20, approve: "h-2" },
    ]);
    expect(lines).toEqual([
      "t=10 healing.proposed h-2 AgentRestartStrategy pending",
      "t=20 healing.started h-2 AgentRestartStrategy running",
      't=20 command cmd-2 restart_agent pending {"agent_id":"a2","restore_metadata":true}',
    ]);
  });

  it("approve for detected failures: nothing is issued until an operator approves; rejection cancels", () => {
    const { healer, port } = harness({ policies: { detected: { agent_down: "approve" } } });
    const r = healer.onFailure(down("f-1"), "detected", 0);
    expect(r).toMatchObject({ decision: "proposed", healing: { status: "pending", failureId: "f-1" } });
    expect(port.issued).toEqual([]);
    expect(healer.reject("h-1", 50, "rejected by ops@example")).toEqual([
      {
        type: "healing.finished",
        healing: expect.objectContaining({ status: "cancelled", reason: "rejected by ops@example", finishedAt: 50 }),
      },
    ]);
    expect(healer.approve("h-1", 60)).toEqual([]);
  });

  it("a detected failure healed automatically supersedes a pending proposal for the same target", () => {
    const { healer } = harness();
    healer.onFailure(failure("agent_down", { id: "predicted:p1", agentId: "a1", context: { predicted: true } }), "preventive", 0);
    const r = healer.onFailure(down("f-1"), "detected", 10);
    expect(r.decision).toBe("started");
    expect(
      r.changes.slice(0, 2).map((c) => ("healing" in c ? `${c.type} ${c.healing.id} ${c.healing.status} ${c.healing.reason}` : c.type)),
    ).toEqual(["healing.finished h-1 cancelled superseded by an automatic healing", "healing.started h-2 running null"]);
  });

  it("off: the failure is ignored and nothing is recorded", () => {
    const { healer } = harness({ policies: { detected: { agent_down: "off" } } });
    expect(healer.onFailure(down("f-1"), "detected", 0)).toEqual({
      decision: "ignored",
      healing: null,
      reason: "policy off for agent_down",
      changes: [],
    });
  });

  it("a proposal expires at its expected time (or TTL) and is recorded as expired, never dropped", () => {
    const { healer } = harness({ proposalTtlMs: 1000 });
    healer.onFailure(down("f-1"), "preventive", 0, { expiresAt: 500 });
    healer.onFailure(down("f-2", "a2"), "preventive", 0);
    expect(
      play(healer, [
        { at: 499, tick: true },
        { at: 500, tick: true },
        { at: 1000, tick: true },
      ]),
    ).toEqual([
      "t=500 healing.finished h-1 AgentRestartStrategy cancelled reason=expired heal=null mttr=null",
      "t=1000 healing.finished h-2 AgentRestartStrategy cancelled reason=expired heal=null mttr=null",
    ]);
  });

  it("an already-approved prediction (or a manual trigger) runs at once, outside the automatic cap", () => {
    const { healer } = harness({ guardrails: { maxAutoPerHour: 0 } });
    expect(healer.onFailure(down("f-1"), "preventive", 0, { approved: true }).decision).toBe("started");
    expect(healer.onFailure(down("f-2", "a2"), "manual", 0).decision).toBe("started");
    expect(healer.onFailure(down("f-3", "a3"), "detected", 0).decision).toBe("skipped");
  });
});

describe("guardrails (D22)", () => {
  it.each([
    [[], new Map(), "k", false, null],
    [[], new Map([["k", 0]]), "k", false, "cooldown (20000 ms left)"],
    [[], new Map([["k", 0]]), "other", false, null],
    [[0, 1, 2], new Map(), "k", true, "hourly cap reached (3 automatic healings)"],
    [[0, 1, 2], new Map(), "k", false, null],
  ])("guardrailCheck(starts %j, last %j, %s, automatic %s) → %s", (autoStarts, lastStart, key, automatic, expected) => {
    expect(guardrailCheck({ autoStarts, lastStart }, key, 30_000, automatic, 10_000, { ...GUARDRAIL_DEFAULTS, maxAutoPerHour: 3 })).toBe(
      expected,
    );
  });

  it("hourly cap: the (n+1)th automatic healing within an hour is skipped and recorded; an hour later it runs", () => {
    const { healer } = harness({ guardrails: { maxAutoPerHour: 2 } });
    expect(["a1", "a2"].map((a, i) => healer.onFailure(down(`f-${i}`, a), "detected", i).decision)).toEqual(["started", "started"]);
    const third = healer.onFailure(down("f-3", "a3"), "detected", 10);
    expect(third).toMatchObject({
      decision: "skipped",
      reason: "hourly cap reached (2 automatic healings)",
      healing: { status: "cancelled", reason: "skipped: hourly cap reached (2 automatic healings)", startedAt: 10, finishedAt: 10 },
    });
    expect(third.changes).toEqual([{ type: "healing.finished", healing: third.healing }]);
    expect(healer.onFailure(down("f-4", "a3"), "detected", 3_600_001).decision).toBe("started");
  });

  it("cooldown per (strategy, target): a second healing of the same agent within 30 s is skipped, another agent is not", () => {
    const { healer } = harness();
    healer.onFailure(down("f-1"), "detected", 0);
    play(healer, complete("cmd-1", 100));
    healer.observe(ev("heartbeat", { agentId: "a1" }), 200);
    expect(healer.onFailure(down("f-2"), "detected", 29_999)).toMatchObject({ decision: "skipped", reason: "cooldown (1 ms left)" });
    expect(healer.onFailure(down("f-3", "a2"), "detected", 29_999).decision).toBe("started");
    expect(healer.onFailure(down("f-4"), "detected", 30_000).decision).toBe("started");
  });

  it("re-check: a failure the view already shows resolved is skipped (resource below threshold)", () => {
    const { healer, view } = harness();
    view.state.resources = { memory: 40 };
    expect(healer.onFailure(failure("memory_exhaustion"), "detected", 0).reason).toBe("failure already resolved");
  });

  it("a lost quorum is not judged from the agent count: agents that are up may be cut off from voting", () => {
    const { healer, view, port } = harness();
    view.state.agentCount = 8;
    const lost = failure("quorum_loss", { context: { current_agents: 4, required_quorum: 5 } });
    expect(healer.onFailure(lost, "detected", 0)).toMatchObject({ decision: "started", healing: { strategy: "QuorumRecoveryStrategy" } });
    expect(port.issued).toMatchObject([{ kind: "scale_agents", params: { delta: 1 } }]);
  });

  it("a lost quorum the swarm reports restored before anything was issued is skipped", () => {
    const { healer } = harness({ policies: { detected: { quorum_loss: "approve" } } });
    healer.onFailure(failure("quorum_loss", { id: "f-q", context: { current_agents: 4, required_quorum: 5 } }), "detected", 0);
    expect(play(healer, [{ at: 5, event: ev("quorum_restored") }])).toEqual([
      "t=5 healing.finished h-1 QuorumRecoveryStrategy cancelled reason=skipped: failure already resolved heal=null mttr=null",
    ]);
  });

  it("re-check: a proposal whose agent heartbeats again is cancelled as skipped before anyone approves it", () => {
    const { healer } = harness({ policies: { detected: { agent_down: "approve" } } });
    healer.onFailure(down("f-1"), "detected", 0);
    expect(
      play(healer, [
        { at: 5, event: ev("heartbeat", { agentId: "a1" }) },
        { at: 6, approve: "h-1" },
      ]),
    ).toEqual(["t=5 healing.finished h-1 AgentRestartStrategy cancelled reason=skipped: failure already resolved heal=null mttr=null"]);
  });

  it("re-check before acting: a retry held back by backoff is skipped when the task completes meanwhile", () => {
    const { healer } = harness();
    const t = (id: string) => failure("task_failed", { id, taskId: "t1", context: { task_id: "t1" } });
    healer.onFailure(t("f-1"), "detected", 0);
    play(healer, complete("cmd-1", 10));
    healer.observe(ev("task_failed", { taskId: "t1" }), 20);
    healer.onFailure(t("f-2"), "detected", 20);
    expect(
      play(healer, [
        { at: 500, event: ev("task_complete", { taskId: "t1" }, { result: "success" }) },
        { at: 1020, tick: true },
      ]),
    ).toEqual(["t=500 healing.finished h-2 TaskRetryStrategy cancelled reason=skipped: failure already resolved heal=null mttr=null"]);
  });

  it("markResolved by bottleneck id skips a healing that has not acted yet", () => {
    const { healer } = harness({ policies: { detected: { task_queue_backlog: "approve" } } });
    healer.onFailure(failure("task_queue_backlog", { context: { bottleneck_id: "b7" } }), "detected", 0);
    expect(healer.markResolved({ bottleneckId: "b7" }, 100).map((c) => c.type === "healing.finished" && c.healing.reason)).toEqual([
      "skipped: failure already resolved",
    ]);
  });
});

describe("D22 hourly cap and per-task retries", () => {
  it("task retries (bounded per task by their attempt limit) do not use up the swarm's hourly cap", () => {
    const { healer } = harness({ guardrails: { maxAutoPerHour: 1 } });
    const retries = ["t1", "t2", "t3"].map(
      (t, i) => healer.onFailure(failure("task_failed", { id: `tf-${i}`, agentId: `a${i}`, taskId: t }), "detected", i).decision,
    );
    expect(retries).toEqual(["started", "started", "started"]);
    expect(healer.onFailure(down("f-9", "a9"), "detected", 10).decision).toBe("started");
    expect(healer.onFailure(down("f-10", "a10"), "detected", 11).decision).toBe("skipped");
  });
});
