// One learning pass (reference §5.2) as a pure function of a history: the benchmarkable core of PatternLearner.
import { correlationPatterns } from "./correlation-patterns";
import { frequencyPatterns } from "./frequency-patterns";
import { type LearnOptions, type Pattern, type TimedType, comparePatterns, learnOptions } from "./pattern";
import { sequencePatterns } from "./sequence-patterns";
import { temporalPatterns } from "./temporal-patterns";

/**
 * The four families over `history` (arrival order, finite epoch-ms times), keeping confidence ≥ the threshold,
 * sorted by confidence then id. Fewer than `minOccurrences` events give `[]`. Cost: O(N log N + N·T·log N).
 */
export function learnPatterns(history: readonly TimedType[], options: Partial<LearnOptions> = {}): Pattern[] {
  const o = learnOptions(options);
  if (history.length < o.minOccurrences || history.length === 0) return [];
  return [
    ...sequencePatterns(history, o),
    ...frequencyPatterns(history, o),
    ...correlationPatterns(history, o),
    ...temporalPatterns(history, o),
  ]
    .filter((p) => p.confidence >= o.confidenceThreshold)
    .sort(comparePatterns);
}
