// Frequency family (reference §5.3): event types that recur at regular intervals.
import { type LearnOptions, type Pattern, type TimedType, frequencyId } from "./pattern";
import { gaps, mean, regularity } from "./stats";

/** Event times per type, in history order (not re-sorted, as the reference). */
function timesByType(history: readonly TimedType[]): Map<string, number[]> {
  const byType = new Map<string, number[]>();
  for (const e of history) {
    const times = byType.get(e.type);
    if (times) times.push(e.ts);
    else byType.set(e.type, [e.ts]);
  }
  return byType;
}

/**
 * One pattern per type with at least `minOccurrences` events whose intervals (in seconds) have
 * regularity ≥ `minRegularity`; confidence = regularity (0.5 when there is a single interval).
 */
export function frequencyPatterns(history: readonly TimedType[], o: LearnOptions): Pattern[] {
  const out: Pattern[] = [];
  for (const [type, times] of timesByType(history)) {
    if (times.length < o.minOccurrences || times.length < 2) continue;
    const intervalsMs = gaps(times);
    const intervalMs = mean(intervalsMs);
    const avgS = intervalMs / 1000;
    const score = regularity(intervalsMs.map((ms) => ms / 1000));
    if (score < o.minRegularity) continue;
    out.push({
      id: frequencyId(type),
      type: "frequency",
      description: `Frequency: ${type} occurs every ~${avgS.toFixed(1)}s (regularity: ${score.toFixed(2)})`,
      events: [type],
      confidence: score,
      occurrences: times.length,
      intervalMs,
      firstSeen: times[0]!,
      lastSeen: times[times.length - 1]!,
      metadata: { avg_interval_seconds: avgS, regularity_score: score },
    });
  }
  return out;
}
