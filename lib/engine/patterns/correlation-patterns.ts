// Correlation family (docs/decisions.md#d9 revised): a precursor type that precedes a failure event on the same agent far more often
// than independent types would, in several distinct episodes, with a measured lead time.
import { FAILURE_EVENT_TYPES } from "./event-roles";
import { type LearnOptions, type Pattern, type TimedType, correlationId } from "./pattern";
import { countPrecursors } from "./precursors";
import { median, poissonTail } from "./stats";

const round = (x: number, digits: number): number => Math.round(x * 10 ** digits) / 10 ** digits;

/**
 * One pattern per (precursor, failure event) with ≥ `minSupport` episodes, lift = preceded / expected failures
 * ≥ `minLift`, and episodes unlikely by chance (Poisson tail ≤ `maxChanceProbability`). Confidence = the share of
 * precursor events a failure followed within the window; leadMs = the episodes' median lead.
 */
export function correlationPatterns(history: readonly TimedType[], o: LearnOptions): Pattern[] {
  const out: Pattern[] = [];
  for (const c of countPrecursors(history, o.precursorWindowMs, o.maxPrecursorTypes)) {
    if (c.episodes < o.minSupport || c.precursorsJudged === 0) continue;
    const lift = c.failuresPreceded / c.expectedPreceded;
    if (!(lift >= o.minLift)) continue;
    const chance = poissonTail(c.episodes, c.expectedPreceded);
    if (chance > o.maxChanceProbability) continue;
    const leadMs = Math.round(median(c.leadsMs));
    const confidence = c.precursorsFollowed / c.precursorsJudged;
    out.push({
      id: correlationId(c.precursor, c.failure),
      type: "correlation",
      description: `Precursor: ${c.precursor} → ${c.failure} within ${Math.round(leadMs / 1000)} s (${c.episodes} episodes, lift ${lift.toFixed(1)})`,
      events: [c.precursor, c.failure],
      confidence,
      occurrences: c.precursorsFollowed,
      firstSeen: c.firstSeen,
      lastSeen: c.lastSeen,
      support: c.episodes,
      lift,
      leadMs,
      failureType: FAILURE_EVENT_TYPES[c.failure]!,
      metadata: {
        failures_preceded: c.failuresPreceded,
        failures_judged: c.failuresJudged,
        expected_preceded: round(c.expectedPreceded, 4),
        chance_probability: chance,
        precursors_judged: c.precursorsJudged,
        time_window_seconds: o.precursorWindowMs / 1000,
      },
    });
  }
  return out;
}
