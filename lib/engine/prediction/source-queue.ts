// Source "queue": queue depth and high-priority backlog growing (docs/engine.md#s-7-7, ETA clamped per docs/decisions.md#d14).
import type { Candidate } from "./prediction-record";
import { clampConfidence, clampEta } from "./prediction-record";
import { trendOf } from "./timed-series";
import { fmt } from "./source-format";

/** Queue depth the reference judges from (exclusive). */
const REFERENCE_DEPTH = 50;

/**
 * Predictions from the queue depth and high-priority count series (oldest first); both predict a `task_queue_backlog` (the fault DynamicScaling heals).
 * `earlyDepth` (below the reference's 50) also judges a smaller queue, by the same growth-weighted confidence.
 */
export function queueCandidates(
  series: { queueDepth: number[]; highPriority: number[]; spacingMs?: { queueDepth: number | null } },
  sampleIntervalMs: number,
  earlyDepth: number | null = null,
): Candidate[] {
  const out: Candidate[] = [];
  const depth = series.queueDepth;
  const lastDepth = depth[depth.length - 1];
  const depthTrend = trendOf(depth);
  if (
    depth.length >= 3 &&
    lastDepth !== undefined &&
    depthTrend > 0 &&
    lastDepth > Math.min(REFERENCE_DEPTH, earlyDepth ?? REFERENCE_DEPTH)
  ) {
    const etaMs = clampEta(((200 - lastDepth) / Math.max(depthTrend, 1)) * (series.spacingMs?.queueDepth ?? sampleIntervalMs));
    out.push({
      failureType: "task_queue_backlog",
      agentId: null,
      confidence: clampConfidence(lastDepth / 100 + depthTrend / 20),
      etaMs,
      reasoning: `Queue depth at ${fmt(lastDepth)} and growing ${fmt(depthTrend)} per sample; reaches 200 in about ${Math.round(etaMs / 1000)} s`,
      recommendedAction: "Raise the agent quota to drain the queue",
      source: "queue",
      patternIndicators: ["queue_backlog_trend"],
    });
  }
  const high = series.highPriority;
  const lastHigh = high[high.length - 1];
  const highTrend = trendOf(high);
  if (high.length >= 3 && lastHigh !== undefined && highTrend > 0 && lastHigh > 10) {
    out.push({
      failureType: "task_queue_backlog",
      agentId: null,
      confidence: clampConfidence(lastHigh / 20 + highTrend / 5),
      etaMs: 60_000,
      reasoning: `${fmt(lastHigh)} high-priority tasks pending and growing ${fmt(highTrend)} per sample`,
      recommendedAction: "Run critical tasks first",
      source: "queue",
      patternIndicators: ["high_priority_backlog"],
    });
  }
  return out;
}
