// One learning pass (docs/engine.md#s-5-2 with docs/decisions.md#d9 revised) as a pure function of a history: the benchmarkable core of PatternLearner.
import { correlationPatterns } from "./correlation-patterns";
import { type LearnOptions, type Pattern, type TimedType, comparePatterns, learnOptions } from "./pattern";

/**
 * The precursor → failure patterns of `history` (any order, finite epoch-ms times) with confidence ≥ the threshold,
 * sorted by confidence then id. Only patterns that can predict a failure are learned (docs/decisions.md#d9 revised): the frequency,
 * sequence and temporal families of the reference cannot, having no lift over chance and no lead time.
 * Cost: O(N log N + N · P · log N) for P precursor types.
 */
export function learnPatterns(history: readonly TimedType[], options: Partial<LearnOptions> = {}): Pattern[] {
  const o = learnOptions(options);
  return correlationPatterns(history, o)
    .filter((p) => p.confidence >= o.confidenceThreshold)
    .sort(comparePatterns);
}
