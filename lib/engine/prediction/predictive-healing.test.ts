// PredictiveHealing as a whole: docs/decisions.md#d12 (observed vs open, dedup), docs/decisions.md#d23 (expiry recorded), decisions, docs/decisions.md#d14 and bounds.
import { describe, expect, it } from "vitest";
import { PredictiveHealing } from "./predictive-healing";
import { T0, counterIds, ev, resourceMetric } from "./test-fixtures";

const s = (n: number) => T0 + n * 1000;
/** An agent with `ok` successes and `bad` failures in the last seconds: agent_down confidence = bad / (ok + bad). */
function withAgent(ph: PredictiveHealing, agent: string, ok: number, bad: number, at = T0) {
  for (let i = 0; i < ok; i++) ph.observe(ev("task_success", at - 1000 * (i + 1), {}, agent));
  for (let i = 0; i < bad; i++) ph.observe(ev("task_failed", at - 500 * (i + 1), {}, agent));
}
const fresh = (config = {}) => new PredictiveHealing({ newId: counterIds(), config });

describe("D12: every prediction is stored; proposals only at or above the threshold", () => {
  it.each([
    [2, 1, 0.3333, "observed"],
    [3, 7, 0.7, "open"],
    [1, 3, 0.75, "open"],
  ])("%i ok / %i failed → confidence %f → %s", (ok, bad, confidence, status) => {
    const ph = fresh();
    withAgent(ph, "a", ok, bad);
    expect(ph.predict(T0).map((p) => [p.confidence, p.status])).toEqual([[confidence, status]]);
  });

  it("the threshold is configurable and applies to every source", () => {
    const ph = fresh({ confidenceThreshold: 0.3 });
    withAgent(ph, "a", 2, 1);
    expect(ph.predict(T0)[0]?.status).toBe("open");
    expect(() => fresh({ confidenceThreshold: 1.5 })).toThrow(RangeError);
  });

  it("D12: no second proposal for the same (failure_type, agent_id) while one is open; other agents are independent", () => {
    const ph = fresh();
    withAgent(ph, "a", 1, 3);
    expect(ph.predict(T0)).toHaveLength(1);
    withAgent(ph, "b", 1, 3, s(1));
    expect(ph.predict(s(1)).map((p) => p.agentId)).toEqual(["b"]);
    expect(ph.predict(s(2))).toEqual([]);
  });

  it("a decided proposal keeps blocking its key until it settles, then a new prediction may follow", () => {
    const ph = fresh();
    withAgent(ph, "a", 1, 3);
    const [p] = ph.predict(T0);
    expect(ph.decide(p?.id ?? "", { decision: "reject", by: "ops", reason: "noise" }, s(1)).ok).toBe(true);
    expect(ph.predict(s(2))).toEqual([]);
    withAgent(ph, "a", 1, 3, s(180));
    expect(ph.settleOutcomes(s(180)).map((x) => [x.id, x.status, x.outcome])).toEqual([["p-1", "rejected", "rejected"]]);
    expect(ph.predict(s(180)).map((x) => [x.id, x.status])).toEqual([["p-2", "open"]]);
  });

  it("an observed prediction blocks further observed ones but not an open proposal (upgrade)", () => {
    const ph = fresh();
    withAgent(ph, "a", 2, 1);
    expect(ph.predict(T0).map((p) => p.status)).toEqual(["observed"]);
    expect(ph.predict(s(1))).toEqual([]);
    withAgent(ph, "a", 0, 5, s(2));
    expect(ph.predict(s(2)).map((p) => [p.id, p.status])).toEqual([["p-2", "open"]]);
  });
});

describe("D23: proposals expire and are recorded, never dropped", () => {
  it("expire(now) returns the open proposal at its expected_at; it is still tracked for its outcome", () => {
    const ph = fresh();
    withAgent(ph, "a", 1, 3);
    const [p] = ph.predict(T0);
    expect(ph.expire(s(119))).toEqual([]);
    const [expired] = ph.expire(s(120));
    expect(expired).toMatchObject({ id: p?.id, status: "expired", decidedBy: "system", decidedAt: s(120), outcome: null });
    expect(ph.get(p?.id ?? "")?.status).toBe("expired");
    expect(ph.expire(s(121))).toEqual([]);
    expect(ph.decide(p?.id ?? "", { decision: "approve", by: "late" }, s(121))).toMatchObject({ ok: false, reason: "not_open" });
    expect(ph.settleOutcomes(s(180)).map((x) => [x.status, x.outcome])).toEqual([["expired", "false_positive"]]);
  });

  it("a proposal never passed through expire() is still closed as expired when it settles", () => {
    const ph = fresh();
    withAgent(ph, "a", 1, 3);
    ph.predict(T0);
    expect(ph.settleOutcomes(s(180))).toMatchObject([{ status: "expired", decidedAt: s(120), outcome: "false_positive" }]);
  });
});

describe("decisions through the instance", () => {
  it("the first decision stands: a second decision is a conflict and changes nothing", () => {
    const ph = fresh();
    withAgent(ph, "a", 1, 3);
    const id = ph.predict(T0)[0]?.id ?? "";
    expect(ph.decide(id, { decision: "approve", by: "alice" }, s(1))).toMatchObject({
      ok: true,
      prediction: { status: "approved", decidedBy: "alice" },
    });
    expect(ph.decide(id, { decision: "reject", by: "bob", reason: "no" }, s(2))).toMatchObject({
      ok: false,
      reason: "not_open",
      prediction: { status: "approved", decidedBy: "alice" },
    });
    expect(ph.decide("nope", { decision: "approve", by: "x" }, s(2))).toEqual({ ok: false, reason: "unknown" });
  });
});

describe("D14 through the instance", () => {
  it("memory past 100 % gives expected_at = predicted_at, never earlier", () => {
    const ph = fresh();
    [98, 99, 101].forEach((m, i) => ph.observe(resourceMetric(s(i * 10), undefined, m)));
    const [p] = ph.predict(s(20));
    expect(p).toMatchObject({ failureType: "memory_exhaustion", predictedAt: s(20), expectedAt: s(20), confidence: 1 });
  });

  it("a resource_metric without a value adds no sample (no fabricated zero)", () => {
    const ph = fresh();
    ph.observe(resourceMetric(s(0), 85, 50));
    ph.observe(resourceMetric(s(5), undefined, 50));
    ph.observe(resourceMetric(s(10), 88, 50));
    ph.observe(resourceMetric(s(20), 91, 50));
    expect(ph.predict(s(20)).map((p) => [p.failureType, p.expectedAt - p.predictedAt])).toEqual([["token_exhaustion", 30_000]]);
  });
});

describe("bounds (D3)", () => {
  it("forgets the oldest non-open prediction first when more than maxTracked are unsettled", () => {
    const ph = fresh({ maxTracked: 2 });
    withAgent(ph, "open-1", 1, 3);
    withAgent(ph, "obs-1", 2, 1);
    expect(ph.predict(T0).map((p) => [p.id, p.agentId, p.status])).toEqual([
      ["p-1", "open-1", "open"],
      ["p-2", "obs-1", "observed"],
    ]);
    withAgent(ph, "open-2", 1, 3, s(1));
    // p-3 evicts p-2 (oldest non-open), so obs-1 is predicted again as p-4, which is the one forgotten next.
    expect(ph.predict(s(1)).map((p) => [p.id, p.agentId])).toEqual([
      ["p-3", "open-2"],
      ["p-4", "obs-1"],
    ]);
    expect(["p-1", "p-2", "p-3", "p-4"].map((id) => ph.get(id)?.status ?? null)).toEqual(["open", null, "open", null]);
  });
});
