// PatternMatcher (docs/engine.md#s-6): scores a rolling window of recent events against learned patterns and
// predicts the next event type. One instance per swarm (docs/decisions.md#d4); the window is bounded (docs/decisions.md#d3).
import type { EngineEvent } from "../model/types";
import type { Pattern } from "./pattern";
import { lcsSimilarity, metadataSimilarity, patternAvgMs, prefixMatchLength, temporalSimilarity } from "./similarity";

/** The event fields the matcher reads. */
export type MatchableEvent = Pick<EngineEvent, "id" | "type" | "ts" | "data">;

/** One pattern the window matches: similarity = 0.5 × sequence + 0.3 × event + 0.2 × temporal. */
export type PatternMatch = {
  patternId: string;
  pattern: Pattern;
  similarity: number;
  seqSimilarity: number;
  eventSimilarity: number;
  temporalSimilarity: number;
  /** Ids of the window's events, oldest first. */
  matchedEventIds: string[];
};

/** A candidate next event: probability = 0.4 × confidence + 0.4 × matchLength / length + 0.2 × min(occurrences / 100, 1). */
export type NextEventPrediction = {
  predictedEventType: string;
  probability: number;
  /** The pattern's confidence. */
  confidence: number;
  patternId: string;
  pattern: Pattern;
  /** Milliseconds until the event is expected (≥ 0). */
  expectedTimeMs: number;
  matchLength: number;
  matchQuality: number;
  occurrenceWeight: number;
};

/** Matcher options (reference defaults: threshold 0.8, a window of 10 events). */
export type PatternMatcherOptions = { matchThreshold: number; windowSize: number };

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};

/** The "event" term: 0.5 if the type is in `metadata.event_types`, plus 0.5 × metadata similarity with `data.metadata`. */
function eventSimilarity(event: MatchableEvent, p: Pattern): number {
  const listed = p.metadata.event_types;
  const typeScore = Array.isArray(listed) && listed.includes(event.type) ? 0.5 : 0;
  return typeScore + 0.5 * metadataSimilarity(obj(event.data.metadata), p.metadata);
}

/** Expected time to the predicted event (reference `_predict_timing`), truncated to whole ms and clamped at 0. */
function expectedTimeMs(p: Pattern, currentLength: number): number {
  if (currentLength >= p.events.length) return 0;
  const perEvent = patternAvgMs(p) / p.events.length;
  return Math.max(0, Math.trunc(perEvent * (p.events.length - currentLength)));
}

/** Matches and predicts against a rolling window of the latest events. */
export class PatternMatcher {
  private readonly threshold: number;
  private readonly windowSize: number;
  private readonly window: MatchableEvent[] = [];

  constructor(options: Partial<PatternMatcherOptions> = {}) {
    this.threshold = Math.max(0, Math.min(1, options.matchThreshold ?? 0.8));
    this.windowSize = Math.max(1, Math.floor(options.windowSize ?? 10));
  }

  /** The window, oldest first. */
  recent(): MatchableEvent[] {
    return [...this.window];
  }

  /** Adds the event to the window and returns the patterns with similarity ≥ the threshold, highest first. */
  match(event: MatchableEvent, patterns: readonly Pattern[]): PatternMatch[] {
    this.window.push(event);
    if (this.window.length > this.windowSize) this.window.shift();
    const types = this.window.map((e) => e.type);
    const times = this.window.map((e) => e.ts);
    const ids = this.window.map((e) => e.id);
    const out: PatternMatch[] = [];
    for (const pattern of patterns) {
      const seq = lcsSimilarity(types, pattern.events);
      const evt = eventSimilarity(event, pattern);
      const tmp = temporalSimilarity(times, pattern);
      const similarity = 0.5 * seq + 0.3 * evt + 0.2 * tmp;
      if (similarity < this.threshold) continue;
      out.push({
        patternId: pattern.id,
        pattern,
        similarity,
        seqSimilarity: seq,
        eventSimilarity: evt,
        temporalSimilarity: tmp,
        matchedEventIds: [...ids],
      });
    }
    return out.sort((a, b) => b.similarity - a.similarity);
  }

  /**
   * For each pattern whose start matches the start of `recentEvents` (0 < common prefix < pattern length),
   * predicts the pattern's next type; highest probability first (ties keep the patterns' order).
   */
  predictNext(recentEvents: readonly Pick<MatchableEvent, "type">[], patterns: readonly Pattern[]): NextEventPrediction[] {
    const types = recentEvents.map((e) => e.type);
    const out: NextEventPrediction[] = [];
    for (const pattern of patterns) {
      const len = pattern.events.length;
      const matchLength = prefixMatchLength(types, pattern.events);
      if (matchLength === 0 || matchLength >= len) continue;
      const matchQuality = matchLength / len;
      const occurrenceWeight = Math.min(pattern.occurrences / 100, 1);
      out.push({
        predictedEventType: pattern.events[matchLength]!,
        probability: 0.4 * pattern.confidence + 0.4 * matchQuality + 0.2 * occurrenceWeight,
        confidence: pattern.confidence,
        patternId: pattern.id,
        pattern,
        expectedTimeMs: expectedTimeMs(pattern, types.length),
        matchLength,
        matchQuality,
        occurrenceWeight,
      });
    }
    return out.sort((a, b) => b.probability - a.probability);
  }

  /** `match` then `predictNext` over the window (reference `process_event`). */
  processEvent(event: MatchableEvent, patterns: readonly Pattern[]): { matches: PatternMatch[]; predictions: NextEventPrediction[] } {
    const matches = this.match(event, patterns);
    return { matches, predictions: this.predictNext(this.window, patterns) };
  }
}
