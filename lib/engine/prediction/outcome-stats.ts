// Bounded tallies of prediction outcomes and the stats record (docs/engine.md#s-7-11 adjusted by docs/decisions.md#d15; snake_case: contract).
import type { Prediction, PredictionOutcome, PredictionSource } from "./prediction-record";

/** Accuracy of one indicator id (pattern id or source indicator). */
export type IndicatorAccuracy = { correct: number; false_positive: number; total: number; accuracy: number; fp_rate: number };

/** Predictions and outcomes of one source. */
export type SourceAccuracy = { predictions: number; correct: number; false_positive: number };

/** `get_prediction_stats()` with docs/decisions.md#d15's figures; ratios are null while their denominator is 0. */
export type PredictionStats = {
  total: number;
  proposals: number;
  outcomes_tracked: number;
  outcomes: Record<PredictionOutcome, number>;
  accuracy: number | null;
  precision: number | null;
  recall: number | null;
  false_positive_rate: number | null;
  median_lead_ms: number | null;
  failures_seen: number;
  failures_predicted: number;
  target_accuracy: number;
  meets_target: boolean;
  confidence_threshold: number;
  pattern_accuracy: Record<string, IndicatorAccuracy>;
  source_stats: Partial<Record<PredictionSource, SourceAccuracy>>;
  accuracy_breakdown: { excellent: number; good: number; fair: number; poor: number };
  recommendations: string[];
};

/** The reference's accuracy target. */
export const TARGET_ACCURACY = 0.7;

const CORRECT: ReadonlySet<PredictionOutcome> = new Set(["confirmed", "prevented"]);
const ratio = (n: number, d: number): number | null => (d === 0 ? null : n / d);
const pct = (x: number): string => `${Math.round(x * 100)}%`;

/** Outcome tallies of one swarm; every collection bounded (docs/decisions.md#d3). */
export class OutcomeStats {
  private total = 0;
  private proposals = 0;
  private failuresSeen = 0;
  private failuresPredicted = 0;
  private readonly outcomes: Record<PredictionOutcome, number> = { confirmed: 0, prevented: 0, false_positive: 0, rejected: 0 };
  private readonly indicators = new Map<string, { correct: number; false_positive: number }>();
  private readonly sources = new Map<PredictionSource, SourceAccuracy>();
  private readonly leadTimes: number[] = [];

  constructor(private readonly limits: { maxIndicatorStats: number; maxLeadTimes: number; confidenceThreshold: number }) {}

  /** Counts a newly stored prediction. */
  predicted(p: Prediction): void {
    this.total++;
    if (p.status === "open") this.proposals++;
    this.sourceOf(p.source).predictions++;
  }

  /** Counts a detected failure and whether a prediction had anticipated it (recall). */
  failure(anticipated: boolean): void {
    this.failuresSeen++;
    if (anticipated) this.failuresPredicted++;
  }

  /** Records a settled prediction; `leadMs` is failure time − predicted_at for confirmed ones. */
  settled(p: Prediction, outcome: PredictionOutcome, leadMs: number | null): void {
    this.outcomes[outcome]++;
    const correct = CORRECT.has(outcome);
    const source = this.sourceOf(p.source);
    if (correct) source.correct++;
    else source.false_positive++;
    for (const id of p.patternIndicators) {
      const tally = this.indicators.get(id) ?? { correct: 0, false_positive: 0 };
      this.indicators.delete(id);
      this.indicators.set(id, correct ? { ...tally, correct: tally.correct + 1 } : { ...tally, false_positive: tally.false_positive + 1 });
      if (this.indicators.size > this.limits.maxIndicatorStats) this.indicators.delete(this.indicators.keys().next().value as string);
    }
    if (leadMs !== null) {
      this.leadTimes.push(leadMs);
      if (this.leadTimes.length > this.limits.maxLeadTimes) this.leadTimes.shift();
    }
  }

  /** Settled predictions of an indicator id (a pattern's own hit rate, docs/decisions.md#d9 revised): hits are confirmed or prevented
   * ones, misses false positives and rejections; null when none has settled. */
  outcomesOf(id: string): { hits: number; misses: number } | null {
    const t = this.indicators.get(id);
    return t ? { hits: t.correct, misses: t.false_positive } : null;
  }

  /** The stats record. */
  snapshot(): PredictionStats {
    const o = this.outcomes;
    const settled = o.confirmed + o.prevented + o.false_positive + o.rejected;
    const accuracy = ratio(o.confirmed + o.prevented, settled);
    const fpr = ratio(o.false_positive + o.rejected, settled);
    const patternAccuracy: Record<string, IndicatorAccuracy> = {};
    for (const [id, t] of this.indicators) {
      const total = t.correct + t.false_positive;
      patternAccuracy[id] = { ...t, total, accuracy: t.correct / total, fp_rate: t.false_positive / total };
    }
    return {
      total: this.total,
      proposals: this.proposals,
      outcomes_tracked: settled,
      outcomes: { ...o },
      accuracy,
      precision: ratio(o.confirmed, o.confirmed + o.false_positive + o.rejected),
      recall: ratio(this.failuresPredicted, this.failuresSeen),
      false_positive_rate: fpr,
      median_lead_ms: median(this.leadTimes),
      failures_seen: this.failuresSeen,
      failures_predicted: this.failuresPredicted,
      target_accuracy: TARGET_ACCURACY,
      meets_target: accuracy !== null && accuracy >= TARGET_ACCURACY,
      confidence_threshold: this.limits.confidenceThreshold,
      pattern_accuracy: patternAccuracy,
      source_stats: Object.fromEntries([...this.sources].map(([k, v]) => [k, { ...v }])),
      accuracy_breakdown: breakdown(Object.values(patternAccuracy)),
      recommendations: recommend(accuracy, fpr, patternAccuracy),
    };
  }

  /** Entries held (for the bounded-memory property). */
  footprint(): number {
    return this.indicators.size + this.sources.size + this.leadTimes.length;
  }

  private sourceOf(s: PredictionSource): SourceAccuracy {
    let v = this.sources.get(s);
    if (!v) this.sources.set(s, (v = { predictions: 0, correct: 0, false_positive: 0 }));
    return v;
  }
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? (s[mid] ?? null) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
}

function breakdown(items: IndicatorAccuracy[]): PredictionStats["accuracy_breakdown"] {
  const b = { excellent: 0, good: 0, fair: 0, poor: 0 };
  for (const { accuracy: a } of items) b[a >= 0.9 ? "excellent" : a >= 0.7 ? "good" : a >= 0.5 ? "fair" : "poor"]++;
  return b;
}

function recommend(accuracy: number | null, fpr: number | null, byId: Record<string, IndicatorAccuracy>): string[] {
  const out: string[] = [];
  if (accuracy !== null && accuracy < TARGET_ACCURACY) {
    out.push(`Prediction accuracy ${pct(accuracy)} is below the 70% target: raise the confidence threshold or refine patterns`);
  }
  if (fpr !== null && fpr > 0.3) out.push(`False-positive rate ${pct(fpr)} is high: review indicators or raise the confidence threshold`);
  const weak = Object.entries(byId)
    .filter(([, a]) => a.total >= 5 && a.accuracy < 0.5)
    .sort((x, y) => x[1].accuracy - y[1].accuracy)
    .slice(0, 3);
  for (const [id, a] of weak) out.push(`Indicator ${id} has low accuracy (${pct(a.accuracy)}): remove or refine it`);
  return out;
}
