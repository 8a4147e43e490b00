// PatternLearner for one swarm (docs/engine.md#s-5, docs/decisions.md#d2 to docs/decisions.md#d4, docs/decisions.md#d9 revised, docs/decisions.md#d10): cheap observation on ingest, learning on a schedule.
import type { EngineEvent } from "../model/types";
import { isLearnable } from "./event-roles";
import { EventHistory } from "./event-history";
import { learnPatterns } from "./learn-patterns";
import { DEFAULT_LEARN_OPTIONS, type LearnOptions, type Pattern, checkLearnOptions } from "./pattern";
import { PatternRegistry } from "./pattern-registry";

/** Learner options: the family thresholds plus the bounds and the schedule. */
export type PatternLearnerOptions = LearnOptions & {
  /** History bound (reference default 10,000). */
  maxHistorySize: number;
  /** Registry bound (docs/decisions.md#d3). */
  maxPatterns: number;
  /** A pattern no pass has confirmed for this long is forgotten (docs/decisions.md#d3). */
  patternRetentionMs: number;
  /** `learnIfDue` runs a pass at most this often (docs/decisions.md#d10). */
  learnIntervalMs: number;
};

/** Default thresholds; 10,000 learnable events, 1,000 patterns kept for 24 h, a pass at most every 10 s. */
export const DEFAULT_PATTERN_LEARNER_OPTIONS: PatternLearnerOptions = {
  ...DEFAULT_LEARN_OPTIONS,
  maxHistorySize: 10_000,
  maxPatterns: 1_000,
  patternRetentionMs: 86_400_000,
  learnIntervalMs: 10_000,
};

/**
 * An event the engine itself produced (docs/engine.md#seed-internal-events). docs/decisions.md#d9 revised: the engine's own outputs are not
 * learned from (a failure_detected follows every failure event), so the learner does not keep them.
 */
export type InternalEvent = {
  type: "failure_detected" | "healing_attempted";
  ts: number;
  agentId?: string | undefined;
  failureType?: string;
  strategy?: string;
  success?: boolean;
};

/** Learns patterns from one swarm's events. Observation is O(1); a learning pass is O(N log N + N·P·log N). */
export class PatternLearner {
  private readonly options: PatternLearnerOptions;
  private readonly history: EventHistory;
  private readonly registry: PatternRegistry;
  private lastLearnAt = -Infinity;
  private dirty = false;

  constructor(options: Partial<PatternLearnerOptions> = {}) {
    this.options = checkLearnOptions({ ...DEFAULT_PATTERN_LEARNER_OPTIONS, ...options });
    this.history = new EventHistory(this.options.maxHistorySize);
    this.registry = new PatternRegistry(this.options.maxPatterns, this.options.patternRetentionMs);
  }

  /** Records a stored event (call on ingest). Events without a type or a finite time, and lifecycle, metric and
   * engine types (docs/decisions.md#d9 revised), are not kept. */
  observe(event: Pick<EngineEvent, "type" | "ts" | "agentId">): void {
    if (!event.type || !Number.isFinite(event.ts) || !isLearnable(event.type)) return;
    this.history.push(event.type, event.ts, event.agentId);
    this.dirty = true;
  }

  /** Takes a `failure_detected` / `healing_attempted` event the engine produced; not kept (see InternalEvent). */
  observeInternal(event: InternalEvent): void {
    this.observe(event);
  }

  /** One pass at `now`: recomputes the patterns from the history, stores them, returns this pass's patterns. */
  learn(now: number): Pattern[] {
    const found = learnPatterns(this.history.toArray(), this.options);
    this.registry.upsert(found, now);
    this.registry.prune(now);
    this.lastLearnAt = now;
    this.dirty = false;
    return found;
  }

  /** Runs `learn(now)` when events arrived since the last pass and the interval has elapsed (call on each tick); else null. */
  learnIfDue(now: number): Pattern[] | null {
    if (!this.dirty || now - this.lastLearnAt < this.options.learnIntervalMs) return null;
    return this.learn(now);
  }

  /** Every pattern held (the registry), by confidence then id. */
  patterns(): Pattern[] {
    return this.registry.list();
  }

  /** Events currently held in the history. */
  get historySize(): number {
    return this.history.size;
  }

  /** Patterns currently held in the registry. */
  get patternCount(): number {
    return this.registry.size;
  }
}
