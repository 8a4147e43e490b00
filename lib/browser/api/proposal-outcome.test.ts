import { describe, expect, it } from "vitest";
import { ENGINE_WAIT_MS, healingHistoryHref, proposalOutcome } from "./proposal-outcome";
import type { CommandItem, HealingItem, PredictionItem } from "./types";

const DECIDED = Date.parse("2026-01-01T00:00:10.000Z");
const p = (status: string, over: Partial<PredictionItem> = {}): PredictionItem => ({
  id: "p1",
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
  decided_by: status === "approved" ? "op@x" : null,
  decided_at: status === "approved" ? new Date(DECIDED).toISOString() : null,
  decision_reason: null,
  action_hash: "0".repeat(64),
  first_approved_by: null,
  first_approved_at: null,
  ...over,
});
const c = (status: string, kind = "restart_agent"): CommandItem => ({
  id: `c-${kind}-${status}`,
  healing_id: "h1",
  kind,
  params: { agent_id: "a" },
  status,
  attempts: 1,
  detail: null,
  issued_at: "2026-01-01T00:00:11.000Z",
  deadline: "2026-01-01T00:01:00.000Z",
  finished_at: null,
});
const h = (status: string, commands: CommandItem[] = [], reason: string | null = null): HealingItem => ({
  id: "h1",
  failure_id: null,
  prediction_id: "p1",
  failure_type: "agent_down",
  strategy: "AgentRestartStrategy",
  status,
  trigger: "preventive",
  actions: [],
  reason,
  heal_ms: null,
  recovery_ms: null,
  started_at: "2026-01-01T00:00:11.000Z",
  finished_at: null,
  commands,
  decided_by: null,
  decided_at: null,
  decision_reason: null,
  first_approved_by: null,
  action_hash: "0".repeat(64),
});

describe("proposalOutcome", () => {
  const cases: [string, PredictionItem, HealingItem | undefined, number, { state: string; text: string } | null][] = [
    ["an open proposal says nothing", p("open"), undefined, DECIDED, null],
    ["a rejected one says nothing more", p("rejected"), undefined, DECIDED, null],
    ["an expiry without a fault says nothing more", p("expired", { decision_reason: "no decision in time" }), undefined, DECIDED, null],
    [
      "a fault seen before a decision",
      p("expired", { decision_reason: "happened: agent_down detected" }),
      undefined,
      DECIDED,
      { state: "happened", text: "Happened before a decision — being handled as a detected fault" },
    ],
    [
      "an observation",
      p("observed", { reasoning: "Observation only: a healing is running" }),
      undefined,
      DECIDED,
      { state: "observed", text: "An observation, not a proposal: there is nothing to approve." },
    ],
    ["approved, no healing yet, just now", p("approved"), undefined, DECIDED + 2_000, { state: "starting", text: "Starting the healing…" }],
    [
      "approved, no healing after the wait",
      p("approved"),
      undefined,
      DECIDED + ENGINE_WAIT_MS,
      { state: "waiting", text: "Waiting for the engine… no healing has started yet." },
    ],
    [
      "approved, no decision time known",
      p("approved", { decided_at: null }),
      undefined,
      DECIDED,
      { state: "waiting", text: "Waiting for the engine… no healing has started yet." },
    ],
    ["running, no command yet", p("approved"), h("running"), DECIDED, { state: "running", text: "Healing running — no command sent yet" }],
    [
      "running, command dispatched",
      p("approved"),
      h("running", [c("dispatched")]),
      DECIDED,
      { state: "running", text: "Healing running — restart_agent sent to the coordinator (dispatched)" },
    ],
    [
      "pending, command queued",
      p("approved"),
      h("pending", [c("pending")]),
      DECIDED,
      { state: "running", text: "Healing queued — restart_agent queued for the coordinator (pending)" },
    ],
    [
      "running, every command done: verifying",
      p("approved"),
      h("running", [c("succeeded"), c("timed_out", "clear_queue")]),
      DECIDED,
      {
        state: "running",
        text: "Healing running — restart_agent done by the coordinator (succeeded); clear_queue not answered by the coordinator in time (timed out); verifying the recovery",
      },
    ],
    ["succeeded", p("approved"), h("succeeded", [c("succeeded")]), DECIDED, { state: "healed", text: "Healed" }],
    [
      "failed, with the reason",
      p("approved"),
      h("failed", [c("failed")], "command restart_agent failed"),
      DECIDED,
      { state: "failed", text: "Healing failed: command restart_agent failed" },
    ],
    [
      "cancelled, with the reason",
      p("approved"),
      h("cancelled", [], "skipped: healing h0 in progress"),
      DECIDED,
      { state: "not_run", text: "Not run: skipped: healing h0 in progress" },
    ],
    ["cancelled without a reason", p("approved"), h("cancelled"), DECIDED, { state: "not_run", text: "Not run: no reason given" }],
  ];
  it.each(cases)("%s", (_, prediction, healing, now, want) => {
    const got = proposalOutcome(prediction, healing, now);
    expect(got && { state: got.state, text: got.text }).toEqual(want);
    if (got && healing) expect(got.healing).toBe(healing);
  });
});

describe("healingHistoryHref", () => {
  it("filters the history to the healing's trigger, strategy and failure type", () => {
    expect(healingHistoryHref("e2e swarm", h("succeeded"))).toBe(
      "/swarms/e2e%20swarm/healing?trigger=preventive&strategy=AgentRestartStrategy&failure_type=agent_down",
    );
  });
});
