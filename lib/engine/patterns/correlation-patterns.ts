// Correlation family (reference §5.3 with D9): type pairs that co-occur within the window more than chance.
import { countCoOccurrences } from "./co-occurrence";
import { type LearnOptions, type Pattern, type TimedType, correlationId } from "./pattern";

/**
 * For each unordered pair with ≥ `minOccurrences` co-occurrences: expected = count_a × count_b / N and
 * strength = co-occurrences / expected, uncapped (D9; the reference capped it at 1 so it never fired).
 * Fires at strength ≥ `minCorrelationStrength`; confidence = min(strength / 3, 1). firstSeen/lastSeen are the
 * times of the first and last event (history order) that opened a co-occurrence of the pair. Only the
 * `maxCorrelationTypes` most frequent types are paired (D3); expected counts still use the whole history.
 */
export function correlationPatterns(history: readonly TimedType[], o: LearnOptions): Pattern[] {
  const n = history.length;
  const counts = new Map<string, number>();
  for (const e of history) counts.set(e.type, (counts.get(e.type) ?? 0) + 1);
  const out: Pattern[] = [];
  for (const pair of countCoOccurrences(history, o.correlationWindowMs, o.maxCorrelationTypes).values()) {
    if (pair.count < o.minOccurrences) continue;
    const expected = ((counts.get(pair.a) ?? 0) * (counts.get(pair.b) ?? 0)) / n;
    const strength = expected > 0 ? pair.count / expected : 0;
    if (strength < o.minCorrelationStrength) continue;
    out.push({
      id: correlationId(pair.a, pair.b),
      type: "correlation",
      description: `Correlation: ${pair.a} + ${pair.b} (co-occur ${pair.count} times, strength: ${strength.toFixed(2)})`,
      events: [pair.a, pair.b],
      confidence: Math.min(strength / 3, 1),
      occurrences: pair.count,
      firstSeen: history[pair.firstIdx]!.ts,
      lastSeen: history[pair.lastIdx]!.ts,
      metadata: { correlation_strength: strength, time_window_seconds: o.correlationWindowMs / 1000 },
    });
  }
  return out;
}
