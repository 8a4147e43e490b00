// PredictiveHealing for one swarm (docs/decisions.md#d4): windowed observations → predictions from five sources, proposals with a
// lifecycle (docs/decisions.md#d12, docs/decisions.md#d23) and automatically recorded outcomes feeding the 50/30/20 confidence (docs/decisions.md#d15).
import type { EngineEvent } from "../model/types";
import { resolveConfig, type PredictionConfig } from "./config";
import type { BottleneckInput, PatternInput } from "./inputs";
import { mergeCandidates } from "./merge-candidates";
import { Observations } from "./observations";
import { failureConfirms, outcomeAt, settle, windowEnd, type FailureReport, type Tracked } from "./outcome-rules";
import { OutcomeStats, type PredictionStats } from "./outcome-stats";
import { clampEta, keyOf, type Candidate, type Prediction } from "./prediction-record";
import { decideProposal, expireProposal, type DecisionInput, type DecisionResult } from "./proposal-lifecycle";
import { bottleneckCandidates, bottleneckKey, severityRank } from "./source-bottleneck";
import { degradedCandidates } from "./source-degraded";
import { healthCandidates } from "./source-health";
import { patternCandidates } from "./source-pattern";
import { queueCandidates } from "./source-queue";
import { trendCandidates } from "./source-trend";

/** What PredictiveHealing needs: an id source (crypto.randomUUID in production, docs/decisions.md#d2) and optional tunables. */
export type PredictiveHealingDeps = { newId: () => string; config?: Partial<PredictionConfig> };

/** What the engine says of a candidate before it is stored (docs/decisions.md#d28): propose it, keep it as an observation only (no
 * runnable healing plan: `why`), or drop it (its fault is already detected or being healed: not a prediction). */
export type GateVerdict = { verdict: "propose" } | { verdict: "observe"; why: string } | { verdict: "skip" };

/** What the sibling components supply to a prediction pass. */
export type PredictInputs = { patterns?: PatternInput[]; bottlenecks?: BottleneckInput[]; gate?: (c: Candidate) => GateVerdict };

/** Least time between two evidence refreshes of one prediction. */
const REFRESH_EVERY_MS = 5_000;

/** A preventive healing's result for a prediction. */
export type HealingReport = { predictionId: string; succeeded: boolean; ts: number };

/** A decision result, or "unknown" when the prediction is no longer held in memory (the caller decides from storage). */
export type DecideResult = DecisionResult | { ok: false; reason: "unknown" };

/** One swarm's predictor; create one instance per swarm. */
export class PredictiveHealing {
  readonly config: PredictionConfig;
  private readonly observations: Observations;
  private readonly outcomeStats: OutcomeStats;
  /** Predictions whose outcome is not known yet, in creation order (bounded by maxTracked). */
  private readonly tracked = new Map<string, Tracked>();
  /** Ids of tracked predictions per (failure_type, agent_id) key, for O(1) dedup. */
  private readonly byKey = new Map<string, Set<string>>();
  /** Active bottleneck episode → the highest severity rank it predicted at (bottleneckOnRise). */
  private bottlenecksOffered = new Map<string, number>();
  /** Predictions whose evidence (reasoning, expected time) changed in the last pass, to publish. */
  private refreshed: Prediction[] = [];
  /** When each tracked prediction's evidence was last refreshed. */
  private readonly refreshedAt = new Map<string, number>();

  constructor(private readonly deps: PredictiveHealingDeps) {
    this.config = resolveConfig(deps.config);
    this.observations = new Observations(this.config);
    this.outcomeStats = new OutcomeStats(this.config);
  }

  /** Changes the proposal threshold for predictions from now on (the same bounds as the configuration). */
  setConfidenceThreshold(threshold: number): void {
    this.config.confidenceThreshold = resolveConfig({ confidenceThreshold: threshold }).confidenceThreshold;
  }

  /** Feeds one stored event (resource_metric, queue_metric, task results, indicator events; others are ignored). */
  observe(e: EngineEvent): void {
    this.observations.observe(e);
  }

  /**
   * Runs the five sources at `now` and stores what is new: status "open" at or above the threshold when the gate
   * lets it propose, else "observed" (docs/decisions.md#d12, docs/decisions.md#d28); candidates the gate drops are not predictions at all (their fault
   * is already there). A (failure_type, agent_id) gets no new prediction while one of its predictions is still
   * unsettled, except that an observed one may be followed by an open proposal; the unsettled one's evidence is
   * refreshed instead (see takeRefreshed).
   */
  predict(now: number, inputs: PredictInputs = {}): Prediction[] {
    this.observations.prune(now);
    const candidates = this.candidates(now, inputs);
    if (this.config.bottleneckOnRise) this.offerBottlenecks(inputs.bottlenecks ?? []);
    const created: Prediction[] = [];
    for (const c of candidates) {
      const gate = inputs.gate?.(c) ?? { verdict: "propose" };
      if (gate.verdict === "skip") continue;
      const confident = c.confidence >= this.config.confidenceThreshold;
      const proposal = confident && gate.verdict === "propose";
      if (this.blocked(keyOf(c), proposal)) {
        this.refresh(keyOf(c), c, now);
        continue;
      }
      const shown = gate.verdict === "observe" && confident ? { ...c, reasoning: `${c.reasoning}. Observation only: ${gate.why}` } : c;
      const p = this.toRecord(shown, now, proposal);
      if (proposal) this.supersede(keyOf(c), p.id, now);
      this.track(p);
      this.outcomeStats.predicted(p);
      created.push(p);
    }
    return created;
  }

  /** An open proposal stored by the previous engine (a restart or takeover): tracked again, so the same fault is not
   * proposed a second time and the stored one still expires, is confirmed when it happens and refreshes its evidence. */
  adopt(p: Prediction): void {
    if (p.status !== "open" || this.tracked.has(p.id)) return;
    this.track({ ...p, patternIndicators: [...p.patternIndicators] });
  }

  /** A proposal replaces the observations of its key: they stop being tracked, so one fault is not scored twice
   * (the observation as a false positive when the proposal's healing prevented it); published via takeRefreshed. */
  private supersede(key: string, proposalId: string, now: number): void {
    for (const id of [...(this.byKey.get(key) ?? [])]) {
      const t = this.tracked.get(id);
      if (t?.prediction.status !== "observed") continue;
      this.untrack(id);
      this.refreshed.push({
        ...t.prediction,
        status: "expired",
        decidedBy: "system",
        decidedAt: now,
        decisionReason: `superseded by proposal ${proposalId}`,
      });
    }
  }

  /** Unsettled predictions whose evidence changed since the last call (fresh reasoning and expected time). */
  takeRefreshed(): Prediction[] {
    const out = this.refreshed;
    this.refreshed = [];
    return out;
  }

  /** Gives the unsettled predictions of `key` from the same source the candidate's current evidence (reasoning and
   * expected time), at most every REFRESH_EVERY_MS; the confidence a proposal was offered at stays. */
  private refresh(key: string, c: Candidate, now: number): void {
    for (const id of this.byKey.get(key) ?? []) {
      const t = this.tracked.get(id);
      if (!t || (t.prediction.status !== "open" && t.prediction.status !== "observed") || t.prediction.source !== c.source) continue;
      if (t.prediction.reasoning === c.reasoning || now - (this.refreshedAt.get(id) ?? t.prediction.predictedAt) < REFRESH_EVERY_MS)
        continue;
      t.prediction = { ...t.prediction, reasoning: c.reasoning, expectedAt: now + clampEta(c.etaMs) };
      this.refreshedAt.set(id, now);
      this.refreshed.push(t.prediction);
    }
  }

  /** Approves or rejects an open proposal; refused when it is no longer open (first decision stands) or has lapsed. */
  decide(id: string, input: DecisionInput, now: number): DecideResult {
    const t = this.tracked.get(id);
    if (!t) return { ok: false, reason: "unknown" };
    const result = decideProposal(t.prediction, input, now, this.config.proposalTtlMs);
    t.prediction = result.prediction;
    return result;
  }

  /** Open proposals whose deadline passed, now recorded as expired (docs/decisions.md#d23). */
  expire(now: number): Prediction[] {
    const out: Prediction[] = [];
    for (const t of this.tracked.values()) {
      const expired = expireProposal(t.prediction, now, this.config.proposalTtlMs);
      if (expired) out.push((t.prediction = expired));
    }
    return out;
  }

  /** Reports a detected failure: confirms matching unsettled predictions and counts it for recall (docs/decisions.md#d15). */
  recordFailure(f: FailureReport): void {
    let anticipated = false;
    for (const t of this.tracked.values()) {
      if (!failureConfirms(t.prediction, f, this.config.outcomeGraceMs)) continue;
      anticipated = true;
      t.failureTs ??= f.ts;
    }
    this.outcomeStats.failure(anticipated);
  }

  /** Reports a preventive healing's result; it counts towards "prevented" when it succeeded within the window.
   * Returns false when the prediction is not held. */
  recordHealing(h: HealingReport): boolean {
    const t = this.tracked.get(h.predictionId);
    if (!t) return false;
    if (h.succeeded && h.ts < windowEnd(t.prediction, this.config.outcomeGraceMs)) t.healed = true;
    return true;
  }

  /** Predictions whose outcome became known at `now` (confirmed, prevented, false_positive, rejected); they stop being tracked. */
  settleOutcomes(now: number): Prediction[] {
    const out: Prediction[] = [];
    for (const [id, t] of this.tracked) {
      const outcome = outcomeAt(t, now, this.config.outcomeGraceMs);
      if (outcome === null) continue;
      const p = settle(t, outcome, now, this.config.proposalTtlMs);
      this.outcomeStats.settled(p, outcome, t.failureTs === null ? null : t.failureTs - p.predictedAt);
      this.untrack(id);
      out.push(p);
    }
    return out;
  }

  /** Accuracy, precision, recall, false-positive rate, lead time and per-indicator figures. */
  stats(): PredictionStats {
    return this.outcomeStats.snapshot();
  }

  /** A prediction still awaiting its outcome, by id. */
  get(id: string): Prediction | undefined {
    return this.tracked.get(id)?.prediction;
  }

  /** Entries held in memory across all collections (flat under a constant event rate, docs/decisions.md#d3). */
  footprint(): number {
    return (
      this.observations.footprint() + this.tracked.size + this.byKey.size + this.bottlenecksOffered.size + this.outcomeStats.footprint()
    );
  }

  /**
   * The five sources' merged candidates. With skipExhaustedBudget, a spent token budget is a present failure: no
   * token_exhaustion candidate, and the queue, which now waits for tokens rather than agents (docs/engine.md#s-11-2 defers
   * work for insufficient tokens), predicts no task timeouts (neither its trend nor a backlog bottleneck).
   */
  private candidates(now: number, inputs: PredictInputs): Candidate[] {
    const view = this.observations.view(now);
    const spent = this.config.skipExhaustedBudget && view.tokensExhausted;
    const bottlenecks = (inputs.bottlenecks ?? []).filter((b) => !spent || b.type !== "task_queue_backlog");
    return mergeCandidates(
      [
        ...patternCandidates(inputs.patterns ?? [], {
          now,
          view,
          outcomes: (id) => this.outcomeStats.outcomesOf(id),
          proposalThreshold: this.config.confidenceThreshold,
        }),
        ...trendCandidates(view, this.config.sampleIntervalMs, this.config.tokenHorizonMs),
        ...bottleneckCandidates(bottlenecks, view.pausedPriorities, this.bottlenecksOffered),
        ...healthCandidates(view.agents, this.config.healthMinResults, this.config.healthSlowerThanFleet),
        ...(this.config.healthFromHeartbeats ? degradedCandidates(view.degradedAgents) : []),
        ...(spent ? [] : queueCandidates(view, this.config.sampleIntervalMs, this.config.queueEarlyDepth)),
      ].filter((c) => !spent || c.failureType !== "token_exhaustion"),
    );
  }

  /** Remembers the highest severity each active bottleneck was offered at; resolved ones are forgotten (bounded). */
  private offerBottlenecks(active: BottleneckInput[]): void {
    const offered = new Map<string, number>();
    for (const b of active) {
      const key = bottleneckKey(b);
      offered.set(key, Math.max(offered.get(key) ?? -1, this.bottlenecksOffered.get(key) ?? -1, severityRank(b.severity)));
    }
    this.bottlenecksOffered = offered;
  }

  private blocked(key: string, proposal: boolean): boolean {
    for (const id of this.byKey.get(key) ?? []) {
      if (!proposal || this.tracked.get(id)?.prediction.status !== "observed") return true;
    }
    return false;
  }

  private toRecord(c: Candidate, now: number, proposal: boolean): Prediction {
    return {
      id: this.deps.newId(),
      failureType: c.failureType,
      agentId: c.agentId,
      confidence: c.confidence,
      predictedAt: now,
      expectedAt: now + clampEta(c.etaMs),
      reasoning: c.reasoning,
      recommendedAction: c.recommendedAction,
      source: c.source,
      patternIndicators: c.patternIndicators,
      status: proposal ? "open" : "observed",
      outcome: null,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
    };
  }

  /** Tracks a new prediction; over the cap the oldest entry that is not an open proposal is forgotten first. */
  private track(p: Prediction): void {
    this.tracked.set(p.id, { prediction: p, failureTs: null, healed: false });
    const key = keyOf(p);
    let ids = this.byKey.get(key);
    if (!ids) this.byKey.set(key, (ids = new Set()));
    ids.add(p.id);
    if (this.tracked.size <= this.config.maxTracked) return;
    let victim = this.tracked.keys().next().value as string;
    for (const [id, t] of this.tracked) {
      if (t.prediction.status !== "open") {
        victim = id;
        break;
      }
    }
    this.untrack(victim);
  }

  private untrack(id: string): void {
    const t = this.tracked.get(id);
    if (!t) return;
    this.tracked.delete(id);
    this.refreshedAt.delete(id);
    const key = keyOf(t.prediction);
    const ids = this.byKey.get(key);
    ids?.delete(id);
    if (ids?.size === 0) this.byKey.delete(key);
  }
}
