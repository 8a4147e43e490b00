import { describe, expect, it } from "vitest";
import { type AgentTableRow, filterAgents, pageOf, sortAgents } from "./agent-table";

const row = (id: string, over: Partial<AgentTableRow> = {}): AgentTableRow => ({
  id,
  state: "active",
  success_rate: null,
  p95_duration_ms: null,
  heartbeat_age_ms: null,
  circuit_state: null,
  health_score: 0.5,
  ...over,
});

describe("filterAgents", () => {
  const rows = [row("agent-1"), row("agent-2", { state: "failed" }), row("worker-10", { state: "failed" })];
  it("matches id text case-insensitively and the state", () => {
    expect(filterAgents(rows, "AGENT", "").map((r) => r.id)).toEqual(["agent-1", "agent-2"]);
    expect(filterAgents(rows, "", "failed").map((r) => r.id)).toEqual(["agent-2", "worker-10"]);
    expect(filterAgents(rows, " agent ", "failed").map((r) => r.id)).toEqual(["agent-2"]);
  });
});

describe("sortAgents", () => {
  const rows = [
    row("b", { success_rate: 0.5, state: "busy" }),
    row("a", { success_rate: null, state: "failed" }),
    row("c", { success_rate: 0.9, state: "active" }),
    row("d", { success_rate: 0.5 }),
  ];
  it("sorts numbers both ways with unknowns last and ties by id", () => {
    expect(sortAgents(rows, { key: "success_rate", dir: "asc" }).map((r) => r.id)).toEqual(["b", "d", "c", "a"]);
    expect(sortAgents(rows, { key: "success_rate", dir: "desc" }).map((r) => r.id)).toEqual(["c", "b", "d", "a"]);
  });
  it("puts failed agents first by state", () => {
    expect(sortAgents(rows, { key: "state", dir: "asc" }).map((r) => r.id)).toEqual(["a", "b", "c", "d"]);
  });
  it("sorts 1,000 agents without mutating the input", () => {
    const many = Array.from({ length: 1000 }, (_, i) => row(`a${String(999 - i).padStart(4, "0")}`, { p95_duration_ms: i }));
    const sorted = sortAgents(many, { key: "id", dir: "asc" });
    expect(sorted[0]!.id).toBe("a0000");
    expect(many[0]!.id).toBe("a0999");
  });
});

describe("pageOf", () => {
  const rows = Array.from({ length: 120 }, (_, i) => i);
  it("cuts pages and reports the range", () => {
    expect(pageOf(rows, 0, 50)).toMatchObject({ page: 0, pages: 3, from: 1, to: 50 });
    expect(pageOf(rows, 2, 50)).toMatchObject({ page: 2, from: 101, to: 120 });
    expect(pageOf(rows, 2, 50).items).toHaveLength(20);
  });
  it("clamps the page and handles an empty list", () => {
    expect(pageOf(rows, 9, 50).page).toBe(2);
    expect(pageOf([], 3, 50)).toMatchObject({ page: 0, pages: 1, from: 0, to: 0, items: [] });
  });
});
