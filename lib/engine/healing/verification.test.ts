// Verification verdicts (docs/decisions.md#d19), event evidence, command lifecycle and the agent health score (docs/engine.md#s-11-3).
import { describe, expect, it } from "vitest";
import { agentHealthScore, pickHealthyAgent } from "./agent-health";
import { applyCommandResult, newCommandRecord } from "./command-lifecycle";
import { agent, ev, fakeView, queue } from "./test-support";
import type { VerificationSpec } from "./types";
import { eventEvidence, recoveryEvidenceOf, verificationVerdict, type VerificationState } from "./verification";

const s = (over: Partial<VerificationState> = {}): VerificationState => ({
  elapsedMs: 0,
  evidence: null,
  recurred: false,
  resolved: false,
  ...over,
});
const hb: VerificationSpec = { kind: "agent_heartbeat", agentId: "a1", timeoutMs: 100 };
const heard: VerificationSpec = { kind: "agent_heartbeat", agentId: "a1", timeoutMs: 100, anyEvent: true };
const quorum: VerificationSpec = { kind: "condition", condition: { kind: "agent_count_at_least", count: 3 }, timeoutMs: 100 };
const stable: VerificationSpec = { kind: "stable", windowMs: 100, condition: { kind: "queue_below", pending: 30 } };

describe("verificationVerdict (D19)", () => {
  it.each<[string, VerificationSpec, VerificationState, number, unknown]>([
    ["none passes", { kind: "none" }, s(), 0, "pass"],
    ["heartbeat seen", hb, s({ evidence: "pass" }), 0, "pass"],
    ["heartbeat pending", hb, s({ elapsedMs: 99 }), 0, null],
    ["heartbeat timeout", hb, s({ elapsedMs: 100 }), 0, { failed: "verification timed out (agent_heartbeat)" }],
    [
      "task failed again",
      { kind: "task_completed", taskId: "t", timeoutMs: 9 },
      s({ evidence: "fail" }),
      0,
      { failed: "verification failed: task t failed again" },
    ],
    ["resolved elsewhere", hb, s({ resolved: true }), 0, "pass"],
    ["quorum holds", quorum, s(), 3, "pass"],
    ["quorum not yet", quorum, s({ elapsedMs: 50 }), 2, null],
    ["quorum timeout", quorum, s({ elapsedMs: 100 }), 2, { failed: "verification timed out (agent_count_at_least)" }],
    ["stable: recurrence fails", stable, s({ recurred: true }), 0, { failed: "verification failed: failure recurred" }],
    ["stable: window passes", stable, s({ elapsedMs: 100 }), 0, "pass"],
    ["stable: waiting", stable, s({ elapsedMs: 99 }), 0, null],
    ["stable: a stale swarm's quiet window does not pass", stable, s({ elapsedMs: 100, stale: true }), 0, null],
    [
      "stable: a stale swarm still fails on recurrence",
      stable,
      s({ elapsedMs: 100, stale: true, recurred: true }),
      0,
      { failed: "verification failed: failure recurred" },
    ],
  ])("%s", (_name, spec, state, agents, expected) => {
    const view = fakeView({ agentCount: agents, pending: queue(40) });
    expect(verificationVerdict(spec, state, view)).toEqual(expected);
  });

  it.each([
    [ev("heartbeat", { agentId: "a1" }), hb, "pass"],
    [ev("heartbeat", { agentId: "a2" }), hb, null],
    [ev("task_start", { agentId: "a1" }), hb, null],
    [ev("task_start", { agentId: "a1" }), heard, "pass"],
    [ev("heartbeat", { agentId: "a1" }), heard, "pass"],
    [ev("task_start", { agentId: "a2" }), heard, null],
    [ev("heartbeat_failed", { agentId: "a1" }), heard, null],
    [ev("task_complete", { taskId: "t" }, { result: "failure" }), { kind: "task_completed", taskId: "t", timeoutMs: 1 }, "fail"],
    [
      ev("task_complete", { taskId: "t" }, { metadata: { result: "success" } }),
      { kind: "task_completed", taskId: "t", timeoutMs: 1 },
      "pass",
    ],
    [ev("task_start", { taskId: "t" }), { kind: "task_completed", taskId: "t", timeoutMs: 1 }, null],
  ] as const)("eventEvidence(%j) → %s", (event, spec, expected) => expect(eventEvidence(spec, event)).toBe(expected));
});

describe("recoveryEvidenceOf", () => {
  it.each([
    [{ detection_source: "heartbeat_failed" }, { kind: "agent_heartbeat", agentId: "a1" }],
    [{ detection_source: "silence" }, { kind: "agent_heartbeat", agentId: "a1", anyEvent: true }],
  ])("agent_down with context %j → %j", (context, expected) => {
    expect(recoveryEvidenceOf({ failureType: "agent_down", agentId: "a1", taskId: null, context })).toEqual(expected);
  });
});

describe("agent health (reference §11.3)", () => {
  it.each([
    [{ tasks: 0, successRate: 0, avgDurationMs: 0, currentTasks: 0 }, 0.5],
    [{ tasks: 10, successRate: 1, avgDurationMs: 0, currentTasks: 0 }, 1],
    [{ tasks: 10, successRate: 0.5, avgDurationMs: 1500, currentTasks: 3 }, 0.45],
    [{ tasks: 10, successRate: 0, avgDurationMs: 9000, currentTasks: 9 }, 0.1],
  ])("%j → %d", (input, score) => expect(agentHealthScore(input)).toBeCloseTo(score, 10));

  it("picks the argmax among healthy agents (ties by id), avoiding the failing agent when it can", () => {
    expect(pickHealthyAgent([agent("b", 0.8), agent("a", 0.8), agent("c", 0.95)], "c")?.id).toBe("a");
    expect(pickHealthyAgent([agent("c", 0.95), agent("d", 0.9, "failed")], "c")?.id).toBe("c");
    expect(pickHealthyAgent([agent("e", 0.39)], null)).toBeNull();
  });
});

describe("command lifecycle (D19)", () => {
  const cmd = newCommandRecord("c1", "h1", { kind: "drain_agent", params: {} }, 0, 100);
  it.each([
    ["pending", "dispatched", 1],
    ["pending", "succeeded", 1],
    ["pending", "timed_out", 0],
  ] as const)("%s → %s counts %i attempts", (_from, to, attempts) =>
    expect(applyCommandResult(cmd, { status: to }, 5)?.attempts).toBe(attempts),
  );

  it("rejects backward and repeated moves, keeps details and stamps finishedAt on terminal states", () => {
    const acked = applyCommandResult(cmd, { status: "acknowledged", detail: "ok" }, 5)!;
    expect(applyCommandResult(acked, { status: "dispatched" }, 6)).toBeNull();
    expect(applyCommandResult(acked, { status: "failed" }, 7)).toMatchObject({ status: "failed", detail: "ok", finishedAt: 7 });
  });
});
