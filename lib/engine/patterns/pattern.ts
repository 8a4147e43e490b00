// The learned-pattern record and the learner's options (reference §2.3, §5), with deterministic ids (D2).

/** The four pattern families, in the order the learner computes them. */
export type PatternType = "sequence" | "frequency" | "correlation" | "temporal";

/** One learned pattern, as `GET /api/v1/swarms/{swarm}/patterns` lists it. Plain and serialisable. */
export type Pattern = {
  /** Derived from the content (D2): `seq:a>b>c`, `freq:a`, `corr:a+b`, `temp:9:a`. */
  id: string;
  type: PatternType;
  /** Human-readable summary. */
  description: string;
  /** The event types that make up the pattern, in order. */
  events: string[];
  /** 0..1. */
  confidence: number;
  occurrences: number;
  /** Frequency patterns only: the mean interval between events of the type. */
  intervalMs?: number;
  /** Epoch ms. */
  firstSeen: number;
  /** Epoch ms. */
  lastSeen: number;
  /** Per-family figures, with the reference's (snake_case) keys, e.g. `{ngram_size, sequence}`. */
  metadata: Record<string, unknown>;
};

/** The minimal event the learner keeps: its type and event time. */
export type TimedType = { type: string; ts: number };

/** Thresholds of the four families (reference §5.3 defaults). */
export type LearnOptions = {
  /** Minimum support of every family, and the minimum history length for a pass. */
  minOccurrences: number;
  /** Patterns below this confidence are discarded (0..1). */
  confidenceThreshold: number;
  /** Frequency: minimum regularity. */
  minRegularity: number;
  /** Correlation: co-occurrence window. */
  correlationWindowMs: number;
  /** Correlation: minimum lift (D9). */
  minCorrelationStrength: number;
  /** Correlation: only the most frequent types take part, at most this many (D3: bounds the pair table). */
  maxCorrelationTypes: number;
  /** Temporal: minimum spike ratio over the mean events per active hour. */
  minSpikeRatio: number;
};

/** Reference defaults: min 5 occurrences, threshold 0.7, regularity 0.6, 10 s window, lift 1.5, spike 2.0; 64 correlated types. */
export const DEFAULT_LEARN_OPTIONS: LearnOptions = {
  minOccurrences: 5,
  confidenceThreshold: 0.7,
  minRegularity: 0.6,
  correlationWindowMs: 10_000,
  minCorrelationStrength: 1.5,
  maxCorrelationTypes: 64,
  minSpikeRatio: 2.0,
};

/** Returns the options unchanged; throws when the confidence threshold is outside [0, 1] (as the reference). */
export function checkLearnOptions<T extends LearnOptions>(o: T): T {
  if (!(o.confidenceThreshold >= 0 && o.confidenceThreshold <= 1)) {
    throw new RangeError(`confidenceThreshold must be within [0, 1], got ${o.confidenceThreshold}`);
  }
  return o;
}

/** Merges options over the reference defaults and checks them. */
export const learnOptions = (partial: Partial<LearnOptions> = {}): LearnOptions => checkLearnOptions({ ...DEFAULT_LEARN_OPTIONS, ...partial });

/** Sequence id, e.g. `seq:task_start>task_timeout`. Event types cannot contain `>`, `+` or `:` (contract regex). */
export const sequenceId = (types: readonly string[]): string => `seq:${types.join(">")}`;
/** Frequency id, e.g. `freq:heartbeat_failed`. */
export const frequencyId = (type: string): string => `freq:${type}`;
/** Correlation id over the pair in string order, e.g. `corr:high_latency+task_timeout`. */
export const correlationId = (a: string, b: string): string => `corr:${a}+${b}`;
/** Temporal id, e.g. `temp:9:task_failed` (UTC hour of day, dominant type). */
export const temporalId = (hour: number, dominantType: string): string => `temp:${hour}:${dominantType}`;

/** Deterministic order: confidence (highest first), then id. */
export function comparePatterns(a: Pattern, b: Pattern): number {
  return b.confidence - a.confidence || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}
