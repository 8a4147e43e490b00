// The learner's registry of patterns (docs/engine.md#s-5-2): upserted by id, bounded by count and age (docs/decisions.md#d3).
import { type Pattern, comparePatterns } from "./pattern";

type Entry = { pattern: Pattern; confirmedAt: number };

/** Patterns keyed by their deterministic id; each remembers the last pass (time) that confirmed it. */
export class PatternRegistry {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly maxPatterns: number,
    private readonly retentionMs: number,
  ) {}

  /** Number of patterns held. */
  get size(): number {
    return this.entries.size;
  }

  /** Stores the patterns of a pass made at `now`, replacing older versions with the same id. */
  upsert(patterns: readonly Pattern[], now: number): void {
    for (const pattern of patterns) this.entries.set(pattern.id, { pattern, confirmedAt: now });
  }

  /** Forgets patterns no pass confirmed within the retention, then the least recently confirmed (lowest confidence first) above the cap. */
  prune(now: number): void {
    for (const [id, e] of this.entries) if (e.confirmedAt < now - this.retentionMs) this.entries.delete(id);
    const excess = this.entries.size - this.maxPatterns;
    if (excess <= 0) return;
    const victims = [...this.entries.values()].sort((x, y) => x.confirmedAt - y.confirmedAt || comparePatterns(y.pattern, x.pattern));
    for (const v of victims.slice(0, excess)) this.entries.delete(v.pattern.id);
  }

  /** All held patterns, by confidence (highest first) then id. */
  list(): Pattern[] {
    return [...this.entries.values()].map((e) => e.pattern).sort(comparePatterns);
  }
}
