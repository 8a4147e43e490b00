// Temporal family (reference §5.3): UTC hours of day holding a spike of events.
import { type LearnOptions, type Pattern, type TimedType, temporalId } from "./pattern";

const HOUR_MS = 3_600_000;

type HourBucket = { count: number; byType: Map<string, number>; min: number; max: number };

/** UTC hour of day (0..23) of an epoch-ms time. */
export const utcHour = (ts: number): number => (((Math.floor(ts / HOUR_MS) % 24) + 24) % 24);

/** The most common type; ties go to the type seen first (as Python's `Counter.most_common`). */
function dominant(byType: Map<string, number>): string {
  let best = "";
  let bestCount = -1;
  for (const [type, count] of byType) if (count > bestCount) [best, bestCount] = [type, count];
  return best;
}

/**
 * Buckets events by UTC hour; avg = N / distinct hours. An hour with ≥ `minOccurrences` events and
 * spike = count / max(avg, 1) ≥ `minSpikeRatio` gives a pattern with confidence min(spike / 4, 1).
 */
export function temporalPatterns(history: readonly TimedType[], o: LearnOptions): Pattern[] {
  const hours = new Map<number, HourBucket>();
  for (const e of history) {
    const h = utcHour(e.ts);
    let b = hours.get(h);
    if (!b) hours.set(h, (b = { count: 0, byType: new Map(), min: e.ts, max: e.ts }));
    b.count += 1;
    b.byType.set(e.type, (b.byType.get(e.type) ?? 0) + 1);
    b.min = Math.min(b.min, e.ts);
    b.max = Math.max(b.max, e.ts);
  }
  const avg = history.length / Math.max(hours.size, 1);
  const out: Pattern[] = [];
  for (const [hour, b] of hours) {
    if (b.count < o.minOccurrences) continue;
    const spike = b.count / Math.max(avg, 1);
    if (spike < o.minSpikeRatio) continue;
    const type = dominant(b.byType);
    out.push({
      id: temporalId(hour, type),
      type: "temporal",
      description: `Temporal: ${type} spikes at hour ${hour} (${b.count} events, ${spike.toFixed(1)}x average)`,
      events: [type],
      confidence: Math.min(spike / 4, 1),
      occurrences: b.count,
      firstSeen: b.min,
      lastSeen: b.max,
      metadata: { hour_of_day: hour, spike_ratio: spike, dominant_event_type: type },
    });
  }
  return out;
}
