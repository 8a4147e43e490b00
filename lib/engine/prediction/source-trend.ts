// Source "trend": token and memory usage rising towards exhaustion (docs/engine.md#s-7-4, ETA clamped per docs/decisions.md#d14), plus an
// optional early warning for the token budget, which is only ever consumed within its period: when its current
// trend exhausts it within a horizon, it is predicted below 80 % too.
import type { Candidate } from "./prediction-record";
import { clampConfidence, clampEta } from "./prediction-record";
import { trendOf } from "./timed-series";
import { fmt } from "./source-format";

type ResourceRule = { resource: string; failureType: string; above: number; action: string; indicator: string };

const RULES: Record<"token" | "memory", ResourceRule> = {
  token: {
    resource: "Token",
    failureType: "token_exhaustion",
    above: 80,
    action: "Reduce load or clear context",
    indicator: "resource_trend_token",
  },
  memory: {
    resource: "Memory",
    failureType: "memory_exhaustion",
    above: 85,
    action: "Enable gradual degradation",
    indicator: "resource_trend_memory",
  },
};

/**
 * Predictions from the token and memory usage series (percent, oldest first); `sampleIntervalMs` is the assumed
 * spacing unless the series says its real one (`spacingMs`). With `tokenHorizonMs`, token usage at or below 80 % is predicted when the trend exhausts it within twice
 * the horizon, with confidence 1 − 0.3 × ETA / horizon (a proposal from the horizon in).
 */
export function trendCandidates(
  series: { tokenUsage: number[]; memoryUsage: number[]; spacingMs?: { tokenUsage: number | null; memoryUsage: number | null } },
  sampleIntervalMs: number,
  tokenHorizonMs: number | null = null,
): Candidate[] {
  const token = series.spacingMs?.tokenUsage ?? sampleIntervalMs;
  const memory = series.spacingMs?.memoryUsage ?? sampleIntervalMs;
  return [rising(series.tokenUsage, RULES.token, token, tokenHorizonMs), rising(series.memoryUsage, RULES.memory, memory, null)].filter(
    (c): c is Candidate => c !== null,
  );
}

function rising(values: number[], rule: ResourceRule, sampleIntervalMs: number, horizonMs: number | null): Candidate | null {
  const last = values[values.length - 1];
  const trend = trendOf(values);
  if (values.length < 3 || last === undefined || trend <= 0) return null;
  const etaMs = clampEta(((100 - last) / trend) * sampleIntervalMs);
  const early = last <= rule.above && horizonMs !== null && horizonMs > 0 && etaMs <= 2 * horizonMs;
  if (last <= rule.above && !early) return null;
  return {
    failureType: rule.failureType,
    agentId: null,
    confidence: clampConfidence(early && horizonMs ? 1 - (0.3 * etaMs) / horizonMs : last / 100),
    etaMs,
    reasoning: `${rule.resource} usage at ${fmt(last)}% and rising ${fmt(trend)} points per sample over ${values.length} samples; exhausted in about ${Math.round(etaMs / 1000)} s`,
    recommendedAction: rule.action,
    source: "trend",
    patternIndicators: [rule.indicator],
  };
}
