// docs/decisions.md#d15: outcomes recorded automatically (confirmed, prevented, false_positive, rejected), the stats, and the feedback
// of historical accuracy into the 50/30/20 confidence.
import { describe, expect, it } from "vitest";
import { failureConfirms, outcomeAt, type Tracked } from "./outcome-rules";
import { PredictiveHealing } from "./predictive-healing";
import type { Prediction } from "./prediction-record";
import { T0, counterIds, ev, pattern } from "./test-fixtures";

const s = (n: number) => T0 + n * 1000;
const GRACE = 60_000;
const fresh = () => new PredictiveHealing({ newId: counterIds() });

/** A health proposal (agent_down on `agent`, confidence 0.75, expected at +120 s) created at T0. */
function proposalFor(ph: PredictiveHealing, agent = "a", at = T0): Prediction {
  ph.observe(ev("task_success", at - 2000, {}, agent));
  for (let i = 1; i <= 3; i++) ph.observe(ev("task_failed", at - 500 * i, {}, agent));
  const [p] = ph.predict(at);
  if (!p) throw new Error("no prediction");
  return p;
}

const pred = (over: Partial<Prediction> = {}): Prediction => ({
  id: "p",
  failureType: "agent_down",
  agentId: "a",
  confidence: 0.8,
  predictedAt: T0,
  expectedAt: s(120),
  reasoning: "",
  recommendedAction: "",
  source: "health",
  patternIndicators: [],
  status: "open",
  outcome: null,
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  ...over,
});

describe("failureConfirms (D15)", () => {
  it.each([
    ["same type and agent inside the window", true, pred(), { failureType: "agent_down", agentId: "a", ts: s(30) }],
    ["another agent", false, pred(), { failureType: "agent_down", agentId: "b", ts: s(30) }],
    ["another type", false, pred(), { failureType: "task_timeout", agentId: "a", ts: s(30) }],
    ["before predicted_at", false, pred(), { failureType: "agent_down", agentId: "a", ts: T0 - 1 }],
    ["within the grace after expected_at", true, pred(), { failureType: "agent_down", agentId: "a", ts: s(179) }],
    ["at expected_at + grace", false, pred(), { failureType: "agent_down", agentId: "a", ts: s(180) }],
    [
      "a prediction without agent, any agent",
      true,
      pred({ agentId: null, failureType: "task_timeout" }),
      { failureType: "task_timeout", agentId: "z", ts: s(1) },
    ],
    [
      "consensus_failed confirmed by quorum_loss",
      true,
      pred({ agentId: null, failureType: "consensus_failed" }),
      { failureType: "quorum_loss", ts: s(1) },
    ],
    [
      "token_exhaustion confirmed by resource_exhaustion",
      true,
      pred({ agentId: null, failureType: "token_exhaustion" }),
      { failureType: "resource_exhaustion", ts: s(1) },
    ],
    [
      "task_failed confirmed by task_timeout",
      true,
      pred({ failureType: "task_failed" }),
      { failureType: "task_timeout", agentId: "a", ts: s(1) },
    ],
    ["but not the other way round", false, pred({ failureType: "task_timeout" }), { failureType: "task_failed", agentId: "a", ts: s(1) }],
  ])("%s → %s", (_n, expected, p, f) => {
    expect(failureConfirms(p, f, GRACE)).toBe(expected);
  });
});

describe("outcomeAt (D15)", () => {
  const t = (over: Partial<Tracked> & { prediction?: Prediction } = {}): Tracked => ({
    prediction: pred(),
    failureTs: null,
    healed: false,
    ...over,
  });
  it.each([
    ["a failure matched", "confirmed", t({ failureTs: s(10) }), s(11)],
    ["inside the window, nothing yet", null, t(), s(179)],
    ["window passed, never decided", "false_positive", t(), s(180)],
    ["window passed, observed only", "false_positive", t({ prediction: pred({ status: "observed" }) }), s(180)],
    ["approved and healed", "prevented", t({ prediction: pred({ status: "approved" }), healed: true }), s(180)],
    ["approved, not healed", "false_positive", t({ prediction: pred({ status: "approved" }) }), s(180)],
    ["rejected", "rejected", t({ prediction: pred({ status: "rejected" }) }), s(180)],
    ["rejected but the failure came", "confirmed", t({ prediction: pred({ status: "rejected" }), failureTs: s(5) }), s(6)],
  ])("%s → %s", (_n, expected, tracked, now) => {
    expect(outcomeAt(tracked, now, GRACE)).toBe(expected);
  });
});

describe("outcomes through the instance (D15)", () => {
  it("confirmed: a failure of its type on its agent before expected_at + grace; an open proposal closes as expired", () => {
    const ph = fresh();
    const p = proposalFor(ph);
    ph.recordFailure({ failureType: "agent_down", agentId: "a", ts: s(30) });
    expect(ph.settleOutcomes(s(31))).toMatchObject([
      {
        id: p.id,
        outcome: "confirmed",
        status: "expired",
        decidedBy: "system",
        decisionReason: "happened: the predicted failure was detected before a decision",
      },
    ]);
    expect(ph.stats()).toMatchObject({
      outcomes: { confirmed: 1 },
      median_lead_ms: 30_000,
      recall: 1,
      failures_seen: 1,
      failures_predicted: 1,
    });
    expect(ph.get(p.id)).toBeUndefined();
  });

  it("prevented: approved, healed within the window, and no failure followed", () => {
    const ph = fresh();
    const p = proposalFor(ph);
    ph.decide(p.id, { decision: "approve", by: "ops" }, s(1));
    expect(ph.recordHealing({ predictionId: p.id, succeeded: true, ts: s(5) })).toBe(true);
    expect(ph.settleOutcomes(s(179))).toEqual([]);
    expect(ph.settleOutcomes(s(180))).toMatchObject([{ id: p.id, status: "approved", outcome: "prevented" }]);
    expect(ph.stats()).toMatchObject({ accuracy: 1, precision: null, false_positive_rate: 0 });
  });

  it("approved but the healing failed → false_positive; approved and healed but the failure came anyway → confirmed", () => {
    const ph = fresh();
    const a = proposalFor(ph, "a");
    const b = proposalFor(ph, "b");
    for (const p of [a, b]) ph.decide(p.id, { decision: "approve", by: "ops" }, s(1));
    ph.recordHealing({ predictionId: a.id, succeeded: false, ts: s(5) });
    ph.recordHealing({ predictionId: b.id, succeeded: true, ts: s(5) });
    ph.recordFailure({ failureType: "agent_down", agentId: "b", ts: s(60) });
    expect(ph.settleOutcomes(s(180)).map((p) => [p.agentId, p.status, p.outcome])).toEqual([
      ["a", "approved", "false_positive"],
      ["b", "approved", "confirmed"],
    ]);
    expect(ph.recordHealing({ predictionId: "gone", succeeded: true, ts: s(5) })).toBe(false);
  });

  it("false_positive: the window passed with neither failure nor healing", () => {
    const ph = fresh();
    proposalFor(ph);
    ph.recordFailure({ failureType: "agent_down", agentId: "other", ts: s(10) });
    expect(ph.settleOutcomes(s(180)).map((p) => p.outcome)).toEqual(["false_positive"]);
    expect(ph.stats()).toMatchObject({ accuracy: 0, precision: 0, recall: 0, false_positive_rate: 1, median_lead_ms: null });
  });

  it("rejected: the operator's verdict is recorded as the outcome when no failure follows", () => {
    const ph = fresh();
    const p = proposalFor(ph);
    ph.decide(p.id, { decision: "reject", by: "ops", reason: "known maintenance" }, s(2));
    expect(ph.settleOutcomes(s(180))).toMatchObject([
      { status: "rejected", outcome: "rejected", decidedBy: "ops", decisionReason: "known maintenance" },
    ]);
    expect(ph.stats().outcomes).toEqual({ confirmed: 0, prevented: 0, false_positive: 0, rejected: 1 });
  });

  it("computes accuracy, precision, recall, false-positive rate and median lead time over a mix", () => {
    const ph = fresh();
    const [c1, c2, fp, rej, prev] = ["c1", "c2", "fp", "rej", "prev"].map((a) => proposalFor(ph, a));
    ph.decide(rej?.id ?? "", { decision: "reject", by: "ops" }, s(1));
    ph.decide(prev?.id ?? "", { decision: "approve", by: "ops" }, s(1));
    ph.recordHealing({ predictionId: prev?.id ?? "", succeeded: true, ts: s(2) });
    ph.recordFailure({ failureType: "agent_down", agentId: "c1", ts: s(10) });
    ph.recordFailure({ failureType: "agent_down", agentId: "c2", ts: s(40) });
    ph.recordFailure({ failureType: "agent_down", agentId: "unpredicted", ts: s(50) });
    expect(ph.settleOutcomes(s(180)).map((p) => [p.agentId, p.outcome])).toEqual([
      ["c1", "confirmed"],
      ["c2", "confirmed"],
      ["fp", "false_positive"],
      ["rej", "rejected"],
      ["prev", "prevented"],
    ]);
    expect(fp && c1 && c2).toBeTruthy();
    const st = ph.stats();
    expect(st).toMatchObject({
      total: 5,
      proposals: 5,
      outcomes_tracked: 5,
      accuracy: 3 / 5,
      precision: 2 / 4,
      recall: 2 / 3,
      false_positive_rate: 2 / 5,
      median_lead_ms: 25_000,
      meets_target: false,
      source_stats: { health: { predictions: 5, correct: 3, false_positive: 2 } },
      accuracy_breakdown: { excellent: 3, good: 0, fair: 0, poor: 2 },
    });
    expect(st.pattern_accuracy["agent_health_c1"]).toEqual({ correct: 1, false_positive: 0, total: 1, accuracy: 1, fp_rate: 0 });
    expect(st.recommendations).toHaveLength(2);
  });

  it("no outcomes yet: ratios are null and no accuracy recommendation is made", () => {
    expect(fresh().stats()).toMatchObject({
      total: 0,
      accuracy: null,
      precision: null,
      recall: null,
      false_positive_rate: null,
      meets_target: false,
      recommendations: [],
    });
  });

  it.each([
    ["three confirmed outcomes: proven, the fourth prediction proposes", [true, true, true], 1, "open"],
    ["two confirmed outcomes: not yet measured enough", [true, true], 0.6999, "observed"],
    ["three false positives: it keeps missing", [false, false, false], 0, "observed"],
    ["two hits, one miss (67 % < 70 %)", [true, true, false], 0.6667, "observed"],
  ])("D9 revised, a pattern's own outcomes decide whether it may propose: %s → %f %s", (_n, came, next, status) => {
    const ph = fresh();
    const p = pattern({
      id: "corr:memory_pressure+heartbeat_failed",
      events: ["memory_pressure", "heartbeat_failed"],
      failureType: "agent_down",
      leadMs: 20_000,
      lastSeen: T0,
    });
    let at = T0;
    for (const failureCame of came) {
      ph.observe(ev("memory_pressure", at, {}, "a"));
      expect(ph.predict(at, { patterns: [{ ...p, lastSeen: at }] }).map((x) => [x.status, x.expectedAt - at])).toEqual([
        ["observed", 20_000],
      ]);
      if (failureCame) ph.recordFailure({ failureType: "agent_down", agentId: "a", ts: at + 15_000 });
      at += 120_000;
      ph.settleOutcomes(at);
    }
    ph.observe(ev("memory_pressure", at, {}, "a"));
    expect(ph.predict(at, { patterns: [{ ...p, lastSeen: at }] }).map((x) => [x.confidence, x.status])).toEqual([[next, status]]);
  });
});
