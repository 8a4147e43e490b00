// Strategy trend (docs/decisions.md#d24), verdict rules in order (docs/engine.md#s-10-3), and docs/engine.md#s-14 vector 6 adjusted per docs/decisions.md#d24.
import { describe, expect, it } from "vitest";
import { strategyEffectiveness, strategyTrend, strategyVerdict } from "./strategy-effectiveness";
import { T0, result, series } from "./test-records";
import type { StrategyVerdict, Trend } from "./types";

const outcomes = (...runs: [number, boolean][]) => runs.flatMap(([n, ok]) => Array.from({ length: n }, () => ok));

describe("strategyTrend (chronological outcomes, D24: recent = newest k)", () => {
  it.each<[string, Trend, boolean[]]>([
    ["9 results → too few", "stable", outcomes([4, false], [5, true])],
    ["10 results, 5 fail then 5 succeed (k = 3: 1.0 vs 2/7)", "improving", outcomes([5, false], [5, true])],
    ["D24: 15 fail then 15 succeed (k = 10: 1.0 vs 0.25)", "improving", outcomes([15, false], [15, true])],
    ["15 succeed then 15 fail", "degrading", outcomes([15, true], [15, false])],
    ["all succeed", "stable", outcomes([30, true])],
    [
      "diff exactly +0.05 (0.9 vs 0.85) is not above the threshold",
      "stable",
      [...outcomes([3, false], [17, true]), ...outcomes([1, false], [9, true])],
    ],
    ["diff +0.1 (0.9 vs 0.8)", "improving", [...outcomes([4, false], [16, true]), ...outcomes([1, false], [9, true])]],
    [
      "k is capped at 20: newest 20 fail although the newest 30 include 10 successes",
      "degrading",
      outcomes([60, false], [10, true], [20, false]),
    ],
  ])("%s → %s", (_, trend, seq) => {
    expect(strategyTrend(seq)).toBe(trend);
  });
});

describe("strategyVerdict (first matching rule wins)", () => {
  it.each<[number, Trend, StrategyVerdict]>([
    [0.95, "improving", "keep"],
    [0.9, "stable", "keep"],
    [0.95, "degrading", "tune"],
    [0.7, "degrading", "tune"],
    [0.49, "degrading", "replace"],
    [0.49, "improving", "replace"],
    [0.69, "degrading", "investigate"],
    [0.5, "degrading", "investigate"],
    [0.5, "improving", "monitor"],
    [0.89, "stable", "monitor"],
  ])("rate %f, trend %s → %s", (rate, trend, verdict) => {
    expect(strategyVerdict(rate, trend)).toBe(verdict);
  });
});

describe("strategyEffectiveness", () => {
  it("§14 vector 6 adjusted per D24: 15 failures then 15 successes is improving → monitor (the original said degrading → investigate)", () => {
    const [row] = strategyEffectiveness(series(30, (i) => i >= 15));
    expect(row).toMatchObject({
      strategy: "agent_restart",
      success_count: 15,
      failure_count: 15,
      success_rate: 0.5,
      trend: "improving",
      recommendation: "monitor",
    });
  });

  it("D24: orders by finish time, so newest-first input (the storage order) gives the same trend", () => {
    const records = series(30, (i) => i >= 15).reverse();
    expect(strategyEffectiveness(records)[0]?.trend).toBe("improving");
  });

  it("groups per strategy with heal and recovery means, best rate first, ties by name", () => {
    const records = [
      result(T0, true, { strategy: "task_retry", healMs: 100, recoveryMs: 2_000 }),
      result(T0 + 1, false, { strategy: "task_retry", healMs: 300 }),
      result(T0 + 2, true, { strategy: "b_restart", healMs: 50, recoveryMs: 500 }),
      result(T0 + 3, true, { strategy: "a_restart", healMs: 50, recoveryMs: 700 }),
      result(T0 + 4, false, { strategy: "quorum", healMs: 10 }),
    ];
    expect(strategyEffectiveness(records)).toEqual([
      {
        strategy: "a_restart",
        success_count: 1,
        failure_count: 0,
        success_rate: 1,
        avg_heal_ms: 50,
        mttr_ms: 700,
        trend: "stable",
        recommendation: "keep",
      },
      {
        strategy: "b_restart",
        success_count: 1,
        failure_count: 0,
        success_rate: 1,
        avg_heal_ms: 50,
        mttr_ms: 500,
        trend: "stable",
        recommendation: "keep",
      },
      {
        strategy: "task_retry",
        success_count: 1,
        failure_count: 1,
        success_rate: 0.5,
        avg_heal_ms: 200,
        mttr_ms: 2_000,
        trend: "stable",
        recommendation: "monitor",
      },
      {
        strategy: "quorum",
        success_count: 0,
        failure_count: 1,
        success_rate: 0,
        avg_heal_ms: 10,
        mttr_ms: null,
        trend: "stable",
        recommendation: "replace",
      },
    ]);
  });

  it("applies the range and skips unfinished healings", () => {
    const records = [
      result(T0),
      result(T0 + 10, true, { strategy: "late" }),
      result(T0 + 5, true, { status: "running", strategy: "busy" }),
    ];
    expect(strategyEffectiveness(records, { range: { from: T0, to: T0 + 10 } }).map((s) => s.strategy)).toEqual(["agent_restart"]);
  });
});
