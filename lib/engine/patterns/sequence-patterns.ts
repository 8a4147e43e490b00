// Sequence family (reference §5.3): contiguous 2- and 3-grams of event types, in history order.
import { type LearnOptions, type Pattern, type TimedType, sequenceId } from "./pattern";
import { gaps, regularity } from "./stats";

/** The n-gram sizes the reference counts. */
export const NGRAM_SIZES = [2, 3] as const;

/** Interns each value as 0, 1, 2… in first-appearance order. */
function internAll<T>(values: readonly T[]): number[] {
  const codes = new Map<T, number>();
  return values.map((v) => codes.get(v) ?? codes.set(v, codes.size).size - 1);
}

/**
 * Start positions of every occurrence of each n-gram, in first-occurrence order. The n-gram at i is interned
 * from the (n−1)-gram at i and the type at i + n − 1, so every key stays below N² (exact integers).
 */
function occurrences(history: readonly TimedType[], n: number): number[][] {
  const types = internAll(history.map((e) => e.type));
  let grams = types;
  for (let m = 2; m <= n; m++) grams = internAll(grams.slice(0, types.length - m + 1).map((g, i) => g * types.length + types[i + m - 1]!));
  const byGram: number[][] = [];
  grams.forEach((g, i) => (byGram[g] ??= []).push(i));
  return byGram;
}

/**
 * Every n-gram seen at least `minOccurrences` times, with
 * confidence = 0.7 × min(count / max(N − n + 1, 1), 1) + 0.3 × consistency, where consistency is the
 * regularity of the gaps (in positions) between consecutive occurrences. O(N) per n.
 */
export function sequencePatterns(history: readonly TimedType[], o: LearnOptions): Pattern[] {
  const out: Pattern[] = [];
  for (const n of NGRAM_SIZES) {
    const possible = Math.max(history.length - n + 1, 1);
    for (const positions of occurrences(history, n)) {
      const count = positions.length;
      if (count < o.minOccurrences) continue;
      const first = positions[0]!;
      const events = history.slice(first, first + n).map((e) => e.type);
      out.push({
        id: sequenceId(events),
        type: "sequence",
        description: `Sequence: ${events.join(" → ")} (occurs ${count} times)`,
        events,
        confidence: 0.7 * Math.min(count / possible, 1) + 0.3 * regularity(gaps(positions)),
        occurrences: count,
        firstSeen: history[first]!.ts,
        lastSeen: history[positions[count - 1]!]!.ts,
        metadata: { ngram_size: n, sequence: events },
      });
    }
  }
  return out;
}
