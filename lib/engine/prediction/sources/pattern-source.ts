// Source "pattern": a learned pattern containing an indicator event fires when that event occurred within the
// pattern's own interval (reference §7.2 with D11); confidence by the 50/30/20 formula (§7.3).
import { patternConfidence } from "../confidence";
import { INDICATOR_FAILURE_TYPES, patternAction } from "../failure-maps";
import type { PatternInput } from "../inputs";
import type { ObservationView } from "../observations";
import type { Candidate } from "../prediction-record";

/** What the pattern source needs besides the patterns. */
export type PatternSourceContext = {
  now: number;
  view: Pick<ObservationView, "latestIndicator">;
  /** Pattern interval used when a pattern has none (default 5 min, D11). */
  defaultIntervalMs: number;
  /** Recorded accuracy of a pattern id, or null when it has no outcomes yet (D15 → the 30 % term). */
  historicalAccuracy: (patternId: string) => number | null;
};

/**
 * One prediction per pattern: its first indicator type (in pattern order) that occurred within the pattern's interval
 * decides the failure type and agent. ETA: the interval for frequency patterns (60 s when unknown), else 300 s.
 */
export function patternCandidates(patterns: PatternInput[], ctx: PatternSourceContext): Candidate[] {
  const out: Candidate[] = [];
  for (const p of patterns) {
    const intervalMs = p.intervalMs ?? ctx.defaultIntervalMs;
    for (const type of p.events) {
      const failureType = INDICATOR_FAILURE_TYPES[type];
      const hit = failureType === undefined ? null : ctx.view.latestIndicator(type, ctx.now - intervalMs, p.agentId);
      if (failureType === undefined || hit === null) continue;
      const agentId = p.agentId ?? hit.agentId;
      const ageS = Math.round((ctx.now - hit.ts) / 1000);
      out.push({
        failureType,
        agentId,
        confidence: patternConfidence(p.confidence, ctx.historicalAccuracy(p.id), ctx.now - p.lastSeen),
        etaMs: p.type === "frequency" ? (p.intervalMs ?? 60_000) : 300_000,
        reasoning: `Learned ${p.type} pattern ${p.id} (confidence ${Math.round(p.confidence * 100) / 100}, ${p.occurrences} occurrences) contains ${type}, which occurred ${ageS} s ago${agentId ? ` on ${agentId}` : ""}`,
        recommendedAction: patternAction(failureType),
        source: "pattern",
        patternIndicators: [p.id],
      });
      break;
    }
  }
  return out;
}
