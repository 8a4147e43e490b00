import { describe, expect, it } from "vitest";
import { patchBottlenecks, patchCommand, patchHealings, patchProposals } from "./cache-patches";
import type { BottleneckItem, CommandItem, HealingItem, PredictionItem } from "./types";

const b = (id: string, over: Partial<BottleneckItem> = {}): BottleneckItem => ({
  id,
  type: "task_queue_backlog",
  severity: "high",
  impact_score: 0.5,
  status: "active",
  affected_resources: [],
  metrics: {},
  recommendations: [],
  detected_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  resolved_at: null,
  resolution: null,
  ...over,
});
const p = (id: string, status = "open", over: Partial<PredictionItem> = {}): PredictionItem => ({
  id,
  failure_type: "agent_down",
  agent_id: "a",
  confidence: 0.8,
  predicted_at: "2026-01-01T00:00:00.000Z",
  expected_at: "2026-01-01T00:01:00.000Z",
  reasoning: "",
  recommended_action: "",
  source: "health",
  pattern_indicators: [],
  status,
  outcome: null,
  decided_by: null,
  decided_at: null,
  decision_reason: null,
  action_hash: "0".repeat(64),
  first_approved_by: null,
  first_approved_at: null,
  ...over,
});
const c = (id: string, healing: string | null, status = "pending", issued = "2026-01-01T00:00:01.000Z"): CommandItem => ({
  id,
  healing_id: healing,
  kind: "restart_agent",
  params: {},
  status,
  attempts: 0,
  detail: null,
  issued_at: issued,
  deadline: "2026-01-01T00:01:00.000Z",
  finished_at: null,
});
const h = (id: string, status = "running", commands: CommandItem[] = []): HealingItem => ({
  id,
  failure_id: null,
  prediction_id: null,
  failure_type: "agent_down",
  strategy: "AgentRestartStrategy",
  status,
  trigger: "preventive",
  actions: [],
  reason: null,
  heal_ms: null,
  recovery_ms: null,
  started_at: "2026-01-01T00:00:00.000Z",
  finished_at: null,
  commands,
  decided_by: null,
  decided_at: null,
  decision_reason: null,
  first_approved_by: null,
  action_hash: "0".repeat(64),
});

describe("patchBottlenecks", () => {
  it("adds on top, replaces in place, removes on resolve", () => {
    let list = patchBottlenecks([b("1")], b("2"), "detected");
    expect(list!.map((x) => x.id)).toEqual(["2", "1"]);
    list = patchBottlenecks(list, b("1", { severity: "critical" }), "updated");
    expect(list!.map((x) => [x.id, x.severity])).toEqual([
      ["2", "high"],
      ["1", "critical"],
    ]);
    list = patchBottlenecks(list, b("2", { status: "resolved" }), "resolved");
    expect(list!.map((x) => x.id)).toEqual(["1"]);
  });
  it("leaves a list not yet loaded alone, and returns the same list when nothing changes", () => {
    expect(patchBottlenecks(undefined, b("1"), "detected")).toBeUndefined();
    const list = [b("1")];
    expect(patchBottlenecks(list, b("9"), "resolved")).toBe(list);
  });
});

describe("patchProposals", () => {
  it("adds new open proposals, ignores observed ones, and replaces decided ones in place", () => {
    let list = patchProposals([], p("1"));
    list = patchProposals(list, p("2", "observed"));
    expect(list!.map((x) => x.id)).toEqual(["1"]);
    list = patchProposals(list, p("1", "rejected", { decided_by: "ops@x", decision_reason: "redeploying" }));
    expect(list![0]).toMatchObject({ status: "rejected", decided_by: "ops@x" });
  });
});

describe("patchHealings / patchCommand", () => {
  it("upserts healings newest first, bounded, keeping known commands when the update has none", () => {
    let list = patchHealings([], h("1", "pending"));
    list = patchCommand(list, c("c1", "1"));
    list = patchHealings(list, h("1", "running"));
    expect(list![0]).toMatchObject({ status: "running", commands: [expect.objectContaining({ id: "c1" })] });
    for (let i = 2; i <= 20; i++) list = patchHealings(list, h(String(i)), 5);
    expect(list!.map((x) => x.id)).toEqual(["20", "19", "18", "17", "16"]);
  });
  it("keeps who decided on a healing when the engine's next update (which does not carry it) arrives", () => {
    let list = patchHealings([], h("1", "pending"));
    list = patchHealings(list, {
      ...h("1", "pending"),
      decided_by: "ops@x",
      decided_at: "2026-01-01T00:00:05.000Z",
      decision_reason: "go",
    });
    list = patchHealings(list, h("1", "running"));
    expect(list![0]).toMatchObject({
      status: "running",
      decided_by: "ops@x",
      decided_at: "2026-01-01T00:00:05.000Z",
      decision_reason: "go",
      first_approved_by: null,
    });
  });
  it("updates a command in its healing, in issue order, and ignores commands of unknown healings", () => {
    let list = patchHealings([], h("1"));
    list = patchCommand(list, c("b", "1", "pending", "2026-01-01T00:00:02.000Z"));
    list = patchCommand(list, c("a", "1", "succeeded", "2026-01-01T00:00:01.000Z"));
    list = patchCommand(list, c("b", "1", "dispatched", "2026-01-01T00:00:02.000Z"));
    expect(list![0]!.commands.map((x) => [x.id, x.status])).toEqual([
      ["a", "succeeded"],
      ["b", "dispatched"],
    ]);
    expect(patchCommand(list, c("z", "other"))).toBe(list);
  });
});
