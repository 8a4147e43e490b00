// Source "pattern": a learned precursor → failure pattern fires when its precursor event occurred within the
// pattern's lead time (docs/decisions.md#d11 with docs/decisions.md#d9 revised); confidence by 50/30/20, bounded by the pattern's measured hit rate.
import { MIN_MEASURED_OUTCOMES, type PatternOutcomes, patternConfidence } from "./confidence";
import { patternAction } from "./failure-maps";
import type { PatternInput } from "./inputs";
import type { ObservationView } from "./observations";
import type { Candidate } from "./prediction-record";

/** What the pattern source needs besides the patterns. */
export type PatternSourceContext = {
  now: number;
  view: Pick<ObservationView, "latestIndicator">;
  /** Settled predictions of a pattern id, or null when none has settled yet (its own hit rate). */
  outcomes: (patternId: string) => PatternOutcomes | null;
  /** The proposal threshold: only a pattern whose measured hit rate reaches it may propose. */
  proposalThreshold: number;
};

/** "hit rate 3/4" or "hit rate not yet measured (n of 3 outcomes)". */
function hitRateText(o: PatternOutcomes | null): string {
  const settled = o === null ? 0 : o.hits + o.misses;
  if (o === null || settled < MIN_MEASURED_OUTCOMES) return `hit rate not yet measured (${settled} of ${MIN_MEASURED_OUTCOMES} outcomes)`;
  return `hit rate ${o.hits}/${settled}`;
}

/**
 * One prediction per pattern whose precursor (its first event) occurred within the last `leadMs` (on its agent when
 * the pattern names one): the pattern's failure type on the precursor's agent, expected `leadMs` after the precursor.
 */
export function patternCandidates(patterns: PatternInput[], ctx: PatternSourceContext): Candidate[] {
  const out: Candidate[] = [];
  for (const p of patterns) {
    const precursor = p.events[0];
    const hit = precursor === undefined ? null : ctx.view.latestIndicator(precursor, ctx.now - p.leadMs, p.agentId);
    if (hit === null) continue;
    const agentId = p.agentId ?? hit.agentId;
    const outcomes = ctx.outcomes(p.id);
    const ageMs = ctx.now - hit.ts;
    out.push({
      failureType: p.failureType,
      agentId,
      confidence: patternConfidence(p.confidence, outcomes, ctx.now - p.lastSeen, ctx.proposalThreshold),
      etaMs: Math.max(0, p.leadMs - ageMs),
      reasoning: `Learned precursor ${p.events.join(" → ")} (${p.support} episodes, lift ${p.lift.toFixed(1)}, lead ${Math.round(p.leadMs / 1000)} s, ${hitRateText(outcomes)}): ${precursor} occurred ${Math.round(ageMs / 1000)} s ago${agentId ? ` on ${agentId}` : ""}`,
      recommendedAction: patternAction(p.failureType),
      source: "pattern",
      patternIndicators: [p.id],
    });
  }
  return out;
}
