// The learned-pattern record and the learner's options (docs/engine.md#s-2-3, docs/engine.md#s-5 with docs/decisions.md#d9 revised), with deterministic ids (docs/decisions.md#d2).

/** The pattern families; the learner finds correlation (precursor → failure) patterns only (docs/decisions.md#d9 revised). */
export type PatternType = "sequence" | "frequency" | "correlation" | "temporal";

/** One learned pattern, as `GET /api/v1/swarms/{swarm}/patterns` lists it. Plain and serialisable. */
export type Pattern = {
  /** Derived from the content (docs/decisions.md#d2): `corr:<precursor>+<failure event>`. */
  id: string;
  type: PatternType;
  /** Human-readable summary. */
  description: string;
  /** The precursor's event type, then the failure event type it precedes. */
  events: string[];
  /** 0..1: the share of the precursor's events that a failure followed within the window. */
  confidence: number;
  /** Precursor events that a failure followed within the window. */
  occurrences: number;
  /** Frequency patterns only: the mean interval between events of the type. */
  intervalMs?: number;
  /** Epoch ms: the first failure the precursor preceded. */
  firstSeen: number;
  /** Epoch ms: the last failure the precursor preceded. */
  lastSeen: number;
  /** Distinct episodes (failures after distinct precursor events); at least `minSupport`. */
  support: number;
  /** Failures preceded by the precursor over the number expected if the two were independent (docs/decisions.md#d9). */
  lift: number;
  /** Median time from an episode's first precursor event to its failure. */
  leadMs: number;
  /** The failure type the pattern predicts (the prediction vocabulary, e.g. agent_down). */
  failureType: string;
  /** Per-family figures, with snake_case keys, e.g. `{expected_failures, chance_probability}`. */
  metadata: Record<string, unknown>;
};

/** A pattern with the measured outcomes of its predictions (docs/decisions.md#d9 revised: its own hit rate), as the engine lists it. */
export type MeasuredPattern = Pattern & { hits: number; misses: number };

/** The minimal event the learner keeps: its type, event time and agent (when it names one). */
export type TimedType = { type: string; ts: number; agentId?: string };

/** Thresholds of the learner (docs/decisions.md#d9 revised). */
export type LearnOptions = {
  /** A precursor counts when the failure follows it within this window. */
  precursorWindowMs: number;
  /** Minimum distinct episodes of a pattern. */
  minSupport: number;
  /** Minimum lift over the failures expected from independent types. */
  minLift: number;
  /** A pattern whose episodes are at least this likely by chance (Poisson tail) is not learned. */
  maxChanceProbability: number;
  /** Patterns below this confidence (share of precursor events a failure followed) are discarded (0..1). */
  confidenceThreshold: number;
  /** Only the most frequent precursor types are paired, at most this many (docs/decisions.md#d3: bounds the pair table). */
  maxPrecursorTypes: number;
};

/** Defaults: a 2 min window, 3 episodes, lift 2, chance ≤ 0.1 %, half of the precursor events followed; 64 types. */
export const DEFAULT_LEARN_OPTIONS: LearnOptions = {
  precursorWindowMs: 120_000,
  minSupport: 3,
  minLift: 2,
  maxChanceProbability: 0.001,
  confidenceThreshold: 0.5,
  maxPrecursorTypes: 64,
};

/** Returns the options unchanged; throws when the confidence threshold is outside [0, 1] (as the reference). */
export function checkLearnOptions<T extends LearnOptions>(o: T): T {
  if (!(o.confidenceThreshold >= 0 && o.confidenceThreshold <= 1)) {
    throw new RangeError(`confidenceThreshold must be within [0, 1], got ${o.confidenceThreshold}`);
  }
  return o;
}

/** Merges options over the defaults and checks them. */
export const learnOptions = (partial: Partial<LearnOptions> = {}): LearnOptions =>
  checkLearnOptions({ ...DEFAULT_LEARN_OPTIONS, ...partial });

/** Correlation id, precursor first, e.g. `corr:memory_pressure+heartbeat_failed`. Event types cannot contain `+` or `:`. */
export const correlationId = (precursor: string, failure: string): string => `corr:${precursor}+${failure}`;

/** Deterministic order: confidence (highest first), then id. */
export function comparePatterns(a: Pattern, b: Pattern): number {
  return b.confidence - a.confidence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
