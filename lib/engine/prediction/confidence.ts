// The seed's 50/30/20 confidence of a pattern prediction (reference §7.3), fed by recorded outcomes (D15).
import { clampConfidence } from "./prediction-record";

/** Confidence term used when a pattern has no recorded outcomes yet (0.3 × a neutral 0.5). */
export const NEUTRAL_HISTORY_TERM = 0.15;

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

/** 0.5 × pattern confidence + 0.3 × historical accuracy (0.15 when none) + 0.2 × recency, clamped to [0, 1]. */
export function patternConfidence(pattern: number, historicalAccuracy: number | null, ageMs: number): number {
  const history = historicalAccuracy === null ? NEUTRAL_HISTORY_TERM : 0.3 * historicalAccuracy;
  return clampConfidence(0.5 * pattern + history + 0.2 * recencyFactor(ageMs));
}
