// Strategy effectiveness chart rows: success rate in percent with counts, a trend arrow and a verdict badge tone.
import type { StrategyEffectiveness, StrategyVerdict, Trend } from "@/lib/contract/items/analytics";

/** How a verdict badge is coloured. */
export type BadgeTone = "good" | "neutral" | "warn" | "bad";

/** One prepared strategy row. */
export type StrategyChartRow = {
  strategy: string;
  label: string;
  success_pct: number;
  success_count: number;
  failure_count: number;
  total: number;
  avg_heal_ms: number;
  mttr_ms: number | null;
  trend: Trend;
  trend_arrow: "↑" | "→" | "↓";
  recommendation: StrategyVerdict;
  tone: BadgeTone;
};

const ARROWS: Record<Trend, StrategyChartRow["trend_arrow"]> = { improving: "↑", stable: "→", degrading: "↓" };
const TONES: Record<StrategyVerdict, BadgeTone> = { keep: "good", monitor: "neutral", tune: "warn", investigate: "warn", replace: "bad" };

/** A strategy's short display name: "AgentRestartStrategy" → "Agent restart". */
export function strategyLabel(strategy: string): string {
  const words = strategy
    .replace(/Strategy$/, "")
    .replace(/[_-]+/g, " ")
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1).toLowerCase() : strategy;
}

/** Rows in the API's order (best success rate first). */
export function prepareStrategyRows(rows: readonly StrategyEffectiveness[]): StrategyChartRow[] {
  return rows.map((r) => ({
    strategy: r.strategy,
    label: strategyLabel(r.strategy),
    success_pct: Math.round(r.success_rate * 1000) / 10,
    success_count: r.success_count,
    failure_count: r.failure_count,
    total: r.success_count + r.failure_count,
    avg_heal_ms: r.avg_heal_ms,
    mttr_ms: r.mttr_ms,
    trend: r.trend,
    trend_arrow: ARROWS[r.trend],
    recommendation: r.recommendation,
    tone: TONES[r.recommendation],
  }));
}
