import { describe, expect, it } from "vitest";
import { earliestPredicted, healingsByPrediction } from "./proposal-healings";
import type { HealingItem, PredictionItem } from "./types";

const h = (id: string, prediction: string | null, status = "running"): HealingItem => ({
  id,
  failure_id: null,
  prediction_id: prediction,
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
  commands: [],
  decided_by: null,
  decided_at: null,
  decision_reason: null,
  first_approved_by: null,
  action_hash: "0".repeat(64),
});
const p = (id: string, predictedAt: string | null) => ({ id, predicted_at: predictedAt }) as PredictionItem;

describe("healingsByPrediction", () => {
  it("maps each asked prediction to its healing, the first list's version winning", () => {
    const recent = [h("h1", "p1", "succeeded"), h("h9", null)];
    const older = [h("h1", "p1", "running"), h("h2", "p2"), h("h3", "p3")];
    const found = healingsByPrediction(new Set(["p1", "p2", "p4"]), recent, undefined, older);
    expect([...found].map(([pid, x]) => [pid, x.id, x.status])).toEqual([
      ["p1", "h1", "succeeded"],
      ["p2", "h2", "running"],
    ]);
  });
});

describe("earliestPredicted", () => {
  it("is the earliest known prediction time, or null", () => {
    expect(earliestPredicted([p("a", "2026-01-02T00:00:00.000Z"), p("b", null), p("c", "2026-01-01T12:00:00.000Z")])).toBe(
      "2026-01-01T12:00:00.000Z",
    );
    expect(earliestPredicted([p("b", null)])).toBeNull();
    expect(earliestPredicted([])).toBeNull();
  });
});
