// The incident state of a fault (docs/decisions.md#d29): table of the healer's view × what was recorded → state and reason.
import { describe, expect, it } from "vitest";
import type { Failure } from "./healing";
import { INCIDENT_QUIET_MS, IncidentBook, incidentState, RECOVERING_MAX_MS } from "./incidents";

describe("incidentState", () => {
  it.each([
    ["a running healing", { id: "h", status: "running" as const }, null, null, { state: "healing", reason: null }],
    [
      "a healing waiting for approval",
      { id: "h", status: "pending" as const },
      null,
      null,
      { state: "awaiting_decision", reason: "a healing waits for an operator's approval" },
    ],
    [
      "healed, bottleneck still active",
      null,
      30_000,
      "whatever",
      { state: "recovering", reason: "healed; waiting for the bottleneck to clear" },
    ],
    [
      "healed long ago, bottleneck still active",
      null,
      RECOVERING_MAX_MS + 60_000,
      null,
      { state: "needs_operator", reason: "healed 3 min ago, but the bottleneck has not cleared" },
    ],
    [
      "nothing running, a reason recorded",
      null,
      null,
      "policy off for agent_down",
      { state: "needs_operator", reason: "policy off for agent_down" },
    ],
    ["nothing running, nothing recorded", null, null, null, { state: "needs_operator", reason: "no healing is running" }],
    [
      "a running healing wins over a recorded reason",
      { id: "h", status: "running" as const },
      null,
      "last healing failed",
      { state: "healing", reason: null },
    ],
  ])("%s", (_name, active, healed, reason, expected) => {
    expect(incidentState(active, healed, reason)).toEqual(expected);
  });
});

describe("IncidentBook", () => {
  const failure: Failure = {
    id: "f-1",
    failureType: "agent_down",
    agentId: "a-1",
    taskId: null,
    severity: "high",
    context: {},
    detectedAt: 0,
    resolvedAt: null,
  };
  const open = (book: IncidentBook, now = 0) =>
    book.openIncident(
      { id: "f-1", source: "failure", failureType: "agent_down", agentId: "a-1", severity: "high", target: "agent:a-1" },
      failure,
      now,
    );

  it("follows the healer, keeps the reason a healing failed, and closes when the agent is heard again", () => {
    const book = new IncidentBook();
    open(book);
    book.noteHealing("agent:a-1", "h-1");
    book.evaluate(1, () => ({ id: "h-1", status: "running" }));
    expect(book.take().map((i) => i.state)).toEqual(["healing"]);
    book.noteHealingEnded("h-1", "failed", "verification timed out", 2);
    book.evaluate(2, () => null);
    expect(book.take()).toMatchObject([{ state: "needs_operator", reason: "last healing failed: verification timed out" }]);
    book.observe({ id: "e", type: "heartbeat", ts: 3, agentId: "a-1", data: { type: "heartbeat" } }, 3);
    expect(book.take()).toMatchObject([{ state: "resolved", reason: "recovered", resolvedAt: 3 }]);
    expect(book.list()).toEqual([]);
  });

  it("a failure healed closes; one skipped as already resolved closes too", () => {
    for (const [status, reason, closed] of [
      ["succeeded", null, "healed"],
      ["cancelled", "skipped: failure already resolved", "resolved before a healing acted"],
    ] as const) {
      const book = new IncidentBook();
      open(book);
      book.noteHealing("agent:a-1", "h-1");
      book.noteHealingEnded("h-1", status, reason, 5);
      expect(book.take().at(-1)).toMatchObject({ state: "resolved", reason: closed });
    }
  });

  it("an incident that needs an operator and sees no evidence for 10 min closes, saying so", () => {
    const book = new IncidentBook();
    open(book);
    book.evaluate(0, () => null);
    book.take();
    book.evaluate(INCIDENT_QUIET_MS, () => null);
    expect(book.take()).toMatchObject([{ state: "resolved", reason: "no further evidence for 10 min" }]);
  });

  it("follows its bottleneck's severity", () => {
    const book = new IncidentBook();
    book.openIncident(
      {
        id: "b",
        source: "bottleneck",
        failureType: "task_queue_backlog",
        agentId: null,
        severity: "medium",
        target: "resource:task_queue",
      },
      null,
      0,
    );
    book.take();
    book.setSeverity("b", "medium", 1);
    expect(book.take()).toEqual([]);
    book.setSeverity("b", "critical", 2);
    expect(book.take()).toMatchObject([{ id: "b", severity: "critical", updatedAt: 2 }]);
  });

  it("is bounded: beyond its size the oldest open incident closes", () => {
    const book = new IncidentBook(2);
    for (const id of ["a", "b", "c"])
      book.openIncident({ id, source: "bottleneck", failureType: "t", agentId: null, severity: "high", target: `resource:${id}` }, null, 0);
    expect(book.list().map((i) => i.id)).toEqual(["b", "c"]);
  });
});
