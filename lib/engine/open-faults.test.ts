// Which present faults make a candidate prediction "after the fact" (docs/decisions.md#d29).
import { describe, expect, it } from "vitest";
import { FAULT_TTL_MS, faultCovers, OpenFaults } from "./open-faults";

describe("faultCovers", () => {
  it.each([
    ["the same type on the same agent", { failureType: "agent_down", agentId: "a" }, "agent_down", "a", true],
    ["the same type on another agent", { failureType: "agent_down", agentId: "b" }, "agent_down", "a", false],
    ["a swarm-wide candidate, any agent", { failureType: "task_queue_backlog", agentId: null }, "task_queue_backlog", null, true],
    [
      "a confirming type (resource_exhaustion confirms token_exhaustion)",
      { failureType: "resource_exhaustion", agentId: null },
      "token_exhaustion",
      null,
      true,
    ],
    ["an unrelated type", { failureType: "task_failed", agentId: "a" }, "agent_down", "a", false],
    [
      "an agent going down while the quorum is lost: its own fault, not yet detected",
      { failureType: "quorum_loss", agentId: null },
      "agent_down",
      "a",
      false,
    ],
  ])("%s", (_name, fault, type, agent, expected) => {
    expect(faultCovers({ ...fault, since: 0 }, type, agent)).toBe(expected);
  });
});

describe("OpenFaults", () => {
  it("forgets failures after the TTL but keeps what `keep` holds (active bottlenecks)", () => {
    const faults = new OpenFaults();
    faults.open("f", { failureType: "agent_down", agentId: "a", since: 0 });
    faults.open("b", { failureType: "task_queue_backlog", agentId: null, since: 0 });
    faults.prune(FAULT_TTL_MS + 1, (id) => id === "b");
    expect(faults.covers("agent_down", "a")).toBe(false);
    expect(faults.covers("task_queue_backlog", null)).toBe(true);
    faults.close("b");
    expect(faults.covers("task_queue_backlog", null)).toBe(false);
  });
});
