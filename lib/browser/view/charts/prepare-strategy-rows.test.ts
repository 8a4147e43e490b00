import { describe, expect, it } from "vitest";
import type { StrategyEffectiveness } from "@/lib/contract/items/analytics";
import { prepareStrategyRows, strategyLabel } from "./prepare-strategy-rows";

const row = (p: Partial<StrategyEffectiveness>): StrategyEffectiveness => ({
  strategy: "AgentRestartStrategy",
  success_count: 9,
  failure_count: 1,
  success_rate: 0.9,
  avg_heal_ms: 120,
  mttr_ms: 900,
  trend: "stable",
  recommendation: "keep",
  ...p,
});

describe("prepareStrategyRows", () => {
  it.each([
    ["improving", "keep", "↑", "good"],
    ["stable", "monitor", "→", "neutral"],
    ["degrading", "tune", "↓", "warn"],
    ["degrading", "investigate", "↓", "warn"],
    ["stable", "replace", "→", "bad"],
  ] as const)("trend %s, verdict %s → arrow %s, tone %s", (trend, recommendation, arrow, tone) => {
    const [r] = prepareStrategyRows([row({ trend, recommendation })]);
    expect(r).toMatchObject({ trend, trend_arrow: arrow, recommendation, tone });
  });

  it("success rate in percent (one decimal), counts and total, in the API's order", () => {
    const rows = prepareStrategyRows([
      row({}),
      row({ strategy: "TaskRetryStrategy", success_count: 2, failure_count: 1, success_rate: 2 / 3, mttr_ms: null }),
    ]);
    expect(rows.map((r) => [r.label, r.success_pct, r.success_count, r.failure_count, r.total, r.mttr_ms])).toEqual([
      ["Agent restart", 90, 9, 1, 10, 900],
      ["Task retry", 66.7, 2, 1, 3, null],
    ]);
  });

  it("no strategies → no rows", () => {
    expect(prepareStrategyRows([])).toEqual([]);
  });
});

describe("strategyLabel", () => {
  it.each([
    ["AgentRestartStrategy", "Agent restart"],
    ["CompositeHealingStrategy", "Composite healing"],
    ["agent_restart", "Agent restart"],
    ["Strategy", "Strategy"],
  ])("%s → %s", (name, label) => {
    expect(strategyLabel(name)).toBe(label);
  });
});
