// The confidence of a pattern prediction (docs/engine.md#s-7-3's 50/30/20, docs/decisions.md#d15), bounded by the pattern's own measured
// hit rate so that only proven patterns propose (docs/decisions.md#d9 revised).
import { clampConfidence } from "./prediction-record";

/** Confidence term used when a pattern has no recorded outcomes yet (0.3 × a neutral 0.5). */
export const NEUTRAL_HISTORY_TERM = 0.15;

/** Settled predictions a pattern needs before its measured hit rate lets it propose. */
export const MIN_MEASURED_OUTCOMES = 3;

/** Settled predictions of one pattern: hits (confirmed or prevented) and misses (false positives, rejections). */
export type PatternOutcomes = { hits: number; misses: number };

const RECENCY_STEPS: ReadonlyArray<readonly [number, number]> = [
  [60_000, 1.0],
  [300_000, 0.8],
  [600_000, 0.6],
  [1_800_000, 0.4],
];

/** Recency factor of a pattern last seen `ageMs` ago: 1.0 / 0.8 / 0.6 / 0.4 / 0.2; 0.5 when the age is unknown. */
export function recencyFactor(ageMs: number): number {
  if (!Number.isFinite(ageMs)) return 0.5;
  for (const [below, factor] of RECENCY_STEPS) if (ageMs < below) return factor;
  return 0.2;
}

/** The largest confidence (4 decimals) below `threshold`: an observation, never a proposal. */
const justBelow = (threshold: number): number => Math.max(0, clampConfidence(threshold - 1e-4));

/**
 * 0.5 × pattern confidence + 0.3 × hit rate (0.15 when none) + 0.2 × recency, at most the measured hit rate.
 * Unless the pattern has ≥ MIN_MEASURED_OUTCOMES settled predictions and a hit rate ≥ `threshold`, the result stays
 * just below `threshold`: an unproven or missing pattern only observes.
 */
export function patternConfidence(pattern: number, outcomes: PatternOutcomes | null, ageMs: number, threshold: number): number {
  const settled = outcomes === null ? 0 : outcomes.hits + outcomes.misses;
  const hitRate = outcomes === null || settled === 0 ? null : outcomes.hits / settled;
  const blended = clampConfidence(0.5 * pattern + (hitRate === null ? NEUTRAL_HISTORY_TERM : 0.3 * hitRate) + 0.2 * recencyFactor(ageMs));
  const measured = hitRate === null ? blended : Math.min(blended, clampConfidence(hitRate));
  const proven = hitRate !== null && settled >= MIN_MEASURED_OUTCOMES && hitRate >= threshold;
  return proven ? measured : Math.min(measured, justBelow(threshold));
}
