// docs/decisions.md#d13 task_complete normalisation, docs/decisions.md#d6 consensus_round reading, and non-negative numbers (never -0).
import { describe, expect, it } from "vitest";
import { consensusRound, nonNeg, taskOutcome } from "./event-readers";
import { ev } from "./test-events";

describe("taskOutcome (D13)", () => {
  it.each<[string, string, Record<string, unknown>, ReturnType<typeof taskOutcome>]>([
    [
      "D13: duration from metadata when top-level is absent",
      "task_complete",
      { agent_id: "a", metadata: { duration_ms: 1200, result: "success", tokens_used: 50 } },
      { agentId: "a", durationMs: 1200, tokensUsed: 50, success: true },
    ],
    [
      "D13: task_complete with metadata.result failure is a failure",
      "task_complete",
      { agent_id: "a", metadata: { duration_ms: 900, result: "failure" } },
      { agentId: "a", durationMs: 900, tokensUsed: null, success: false },
    ],
    [
      "D13: task_complete with result timeout is a failure",
      "task_complete",
      { agent_id: "a", duration_ms: 5, result: "timeout" },
      { agentId: "a", durationMs: 5, tokensUsed: null, success: false },
    ],
    [
      "D13: top-level fields win over metadata",
      "task_complete",
      { agent_id: "a", duration_ms: 10, result: "success", metadata: { duration_ms: 99, result: "failure" } },
      { agentId: "a", durationMs: 10, tokensUsed: null, success: true },
    ],
    [
      "task_complete without a result is a success",
      "task_complete",
      { agent_id: "a" },
      { agentId: "a", durationMs: null, tokensUsed: null, success: true },
    ],
    [
      "task_success is a success",
      "task_success",
      { agent_id: "a", duration_ms: 3 },
      { agentId: "a", durationMs: 3, tokensUsed: null, success: true },
    ],
    [
      "task_failed is a failure",
      "task_failed",
      { agent_id: "a", task_id: "t", duration_ms: 7, result: "failure" },
      { agentId: "a", durationMs: 7, tokensUsed: null, success: false },
    ],
    ["task_error is a failure", "task_error", { agent_id: "a" }, { agentId: "a", durationMs: null, tokensUsed: null, success: false }],
    [
      "negative or non-numeric durations are ignored",
      "task_complete",
      { agent_id: "a", duration_ms: -5, metadata: { duration_ms: "7" } },
      { agentId: "a", durationMs: null, tokensUsed: null, success: true },
    ],
    ["task_start is not an outcome", "task_start", { agent_id: "a" }, null],
    ["task_timeout is not counted (a later outcome event would count it twice)", "task_timeout", { task_id: "t", agent_id: "a" }, null],
  ])("%s", (_name, type, data, expected) => expect(taskOutcome(ev(type, 0, data))).toEqual(expected));
});

describe("consensusRound (D6)", () => {
  it.each<[Record<string, unknown>, ReturnType<typeof consensusRound>]>([
    [
      { duration_ms: 100, result: "success" },
      { durationMs: 100, timedOut: false, failed: false },
    ],
    [
      { duration_ms: 30_000, result: "timeout" },
      { durationMs: 30_000, timedOut: true, failed: false },
    ],
    [{ result: "failure" }, { durationMs: null, timedOut: false, failed: true }],
  ])("reads %j", (data, expected) => expect(consensusRound(ev("consensus_round", 0, data))).toEqual(expected));

  it("ignores other types", () => expect(consensusRound(ev("consensus_failed", 0))).toBeNull());
});

describe("nonNeg", () => {
  it.each<[unknown, number | undefined]>([
    [3, 3],
    [-0, 0],
    [-1, undefined],
    [Number.NaN, undefined],
    ["4", undefined],
    [1e300, Number.MAX_SAFE_INTEGER],
  ])("%s → %s (never -0)", (v, expected) => {
    const n = nonNeg(v);
    expect(n).toBe(expected);
    expect(Object.is(n, -0)).toBe(false);
  });
});
