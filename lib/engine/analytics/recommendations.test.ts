// Recommendation rules of docs/engine.md#s-10-5, one table row per rule, with docs/decisions.md#d25 (no history → no success-rate rule).
import { describe, expect, it } from "vitest";
import { healingReport } from "./healing-report";
import { HIGH_MTTR_MS, recommendations, type RecommendationCode, type RecommendationInput } from "./recommendations";
import { T0, series } from "./test-records";

const base: RecommendationInput = {
  stats: { total: 10, success_rate: 0.8, mttr_ms: 1_000, by_failure_type: {} },
  strategies: [],
  mostCommonFailures: [],
};
const withStats = (s: Partial<RecommendationInput["stats"]>): RecommendationInput => ({ ...base, stats: { ...base.stats, ...s } });
const codes = (input: RecommendationInput) => recommendations(input).map((r) => r.code);

describe("recommendations: one rule at a time", () => {
  it.each<[string, RecommendationInput, RecommendationCode[]]>([
    ["1a success < 0.7", withStats({ success_rate: 0.69 }), ["low_success"]],
    ["1a boundary 0.7 is not low", withStats({ success_rate: 0.7 }), ["performing_well"]],
    ["1b success > 0.95", withStats({ success_rate: 0.96 }), ["excellent_success"]],
    ["1b boundary 0.95 is not excellent", withStats({ success_rate: 0.95 }), ["performing_well"]],
    [
      "D25: no history → no success-rate rule, performing well",
      withStats({ total: 0, success_rate: null, mttr_ms: null }),
      ["performing_well"],
    ],
    ["D25: no history even with a stale rate of 0", withStats({ total: 0, success_rate: 0 }), ["performing_well"]],
    ["2 replace", { ...base, strategies: [{ strategy: "s", recommendation: "replace" }] }, ["replace_strategy"]],
    ["2 tune", { ...base, strategies: [{ strategy: "s", recommendation: "tune" }] }, ["tune_strategy"]],
    [
      "2 keep, investigate and monitor say nothing",
      {
        ...base,
        strategies: (["keep", "investigate", "monitor"] as const).map((recommendation) => ({ strategy: recommendation, recommendation })),
      },
      ["performing_well"],
    ],
    ["3 MTTR above 5 s", withStats({ mttr_ms: HIGH_MTTR_MS + 1 }), ["high_mttr"]],
    ["3 MTTR of exactly 5 s is fine", withStats({ mttr_ms: HIGH_MTTR_MS }), ["performing_well"]],
    ["3 no MTTR measured", withStats({ mttr_ms: null }), ["performing_well"]],
    ["4 most common failure", { ...base, mostCommonFailures: [{ type: "agent_down", count: 3 }] }, ["common_failure"]],
    [
      "5 resource_exhaustion occurs (live with real types, §13 #13)",
      withStats({ by_failure_type: { resource_exhaustion: 1 } }),
      ["enable_gradual_degradation"],
    ],
    ["6 a timeout type occurs", withStats({ by_failure_type: { task_timeout: 2 } }), ["enable_circuit_breaker"]],
  ])("%s", (_, input, expected) => {
    expect(codes(input)).toEqual(expected);
  });

  it("keeps the rule order when several fire, and names the subjects in the messages", () => {
    const input: RecommendationInput = {
      stats: { total: 20, success_rate: 0.5, mttr_ms: 9_000, by_failure_type: { task_timeout: 3, resource_exhaustion: 2 } },
      strategies: [
        { strategy: "task_retry", recommendation: "tune" },
        { strategy: "quorum_recovery", recommendation: "replace" },
      ],
      mostCommonFailures: [{ type: "task_timeout", count: 3 }],
    };
    const recs = recommendations(input);
    expect(recs.map((r) => r.code)).toEqual([
      "low_success",
      "tune_strategy",
      "replace_strategy",
      "high_mttr",
      "common_failure",
      "enable_gradual_degradation",
      "enable_circuit_breaker",
    ]);
    expect(recs[1]?.message).toContain("task_retry");
    expect(recs[4]?.message).toContain("task_timeout (3)");
  });
});

describe("recommendations through the report", () => {
  it("D25: an empty history says 'performing well', not 'low success'", () => {
    expect(healingReport([], { now: T0 }).recommendations.map((r) => r.code)).toEqual(["performing_well"]);
  });

  it("§14 vector 6 adjusted per D24: no 'investigate' verdict, so no strategy advice; low success and the common failure remain", () => {
    const report = healingReport(
      series(30, (i) => i >= 15),
      { now: T0 },
    );
    expect(report.recommendations.map((r) => r.code)).toEqual(["low_success", "common_failure"]);
  });
});
