// Pure proposal lifecycle: decisions (first decision stands) and expiry at expected_at or the TTL (docs/decisions.md#d23).
import { describe, expect, it } from "vitest";
import type { Prediction, PredictionStatus } from "./prediction-record";
import { decideProposal, expireProposal, proposalDeadline } from "./proposal-lifecycle";
import { T0 } from "./test-fixtures";

const proposal = (over: Partial<Prediction> = {}): Prediction => ({
  id: "p-1",
  failureType: "agent_down",
  agentId: "a-1",
  confidence: 0.8,
  predictedAt: T0,
  expectedAt: T0 + 120_000,
  reasoning: "r",
  recommendedAction: "a",
  source: "health",
  patternIndicators: ["agent_health_a-1"],
  status: "open",
  outcome: null,
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  ...over,
});
const TTL = 900_000;

describe("decideProposal", () => {
  it.each([
    ["approve", "approved"],
    ["reject", "rejected"],
  ] as const)("%s an open proposal → %s, stamped with who, when and why", (decision, status) => {
    const r = decideProposal(proposal(), { decision, by: "ops@x", reason: "looks right" }, T0 + 5000, TTL);
    expect(r).toEqual({
      ok: true,
      prediction: proposal({ status, decidedBy: "ops@x", decidedAt: T0 + 5000, decisionReason: "looks right" }),
    });
  });

  it.each<PredictionStatus>(["approved", "rejected", "expired", "observed"])(
    "the first decision stands: a %s prediction is not open → conflict, unchanged",
    (status) => {
      const p = proposal({ status, decidedBy: "first", decidedAt: T0 + 1 });
      expect(decideProposal(p, { decision: "approve", by: "second" }, T0 + 2, TTL)).toEqual({
        ok: false,
        reason: "not_open",
        prediction: p,
      });
    },
  );

  it("a proposal past its deadline is refused and returned expired", () => {
    const r = decideProposal(proposal(), { decision: "approve", by: "late" }, T0 + 120_000, TTL);
    expect(r).toMatchObject({
      ok: false,
      reason: "expired",
      prediction: { status: "expired", decidedBy: "system", decidedAt: T0 + 120_000 },
    });
  });
});

describe("expireProposal (D23)", () => {
  it.each([
    ["before expected_at", proposal(), T0 + 119_999, null],
    ["at expected_at", proposal(), T0 + 120_000, [T0 + 120_000, "no decision before expected_at"]],
    ["TTL shorter than the ETA", proposal({ expectedAt: T0 + 3_600_000 }), T0 + TTL, [T0 + TTL, "no decision within the proposal TTL"]],
    ["long after: decided_at is the deadline, not the tick", proposal(), T0 + 500_000, [T0 + 120_000, "no decision before expected_at"]],
    ["an observed prediction never expires as a proposal", proposal({ status: "observed" }), T0 + 500_000, null],
    ["an approved proposal stays approved", proposal({ status: "approved" }), T0 + 500_000, null],
  ])("%s", (_n, p, now, expected) => {
    const r = expireProposal(p, now, TTL);
    expect(r && [r.decidedAt, r.decisionReason]).toEqual(expected);
    if (r) expect(r).toMatchObject({ status: "expired", decidedBy: "system", outcome: null });
  });

  it("deadline = min(expected_at, predicted_at + TTL)", () => {
    expect(proposalDeadline(proposal(), TTL)).toBe(T0 + 120_000);
    expect(proposalDeadline(proposal({ expectedAt: T0 + 2 * TTL }), TTL)).toBe(T0 + TTL);
  });
});
