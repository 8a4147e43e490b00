// One swarm's engine (docs/decisions.md#d4): live metrics, bottleneck detection, pattern learning, failure prediction, self-healing
// and healing analytics, fed with committed events and advanced by ticks. Every output is handed to `emit` as a
// typed engine event, in an order storage can follow (a failure before its healing, a healing before its commands).
import { type AgentRoster, agentRoster } from "./agent-roster";
import { HealingAnalytics, TaskOutcomes } from "./analytics";
import { type Bottleneck, BottleneckDetector } from "./detection";
import { isSilenceIntervals } from "./detection/silence";
import {
  type CoordinatorPort,
  createDefaultRegistry,
  detectFailure,
  type Failure,
  failureFromBottleneck,
  failureFromPrediction,
  type HealerChange,
  type HealingCatalog,
  type OnFailureResult,
  policyFor,
  type PolicyConfig,
  SelfHealer,
  type StrategyRegistry,
  targetOf,
} from "./healing";
import { SwarmMetrics } from "./metrics/swarm-metrics";
import { PatternLearner } from "./patterns";
import {
  type Candidate,
  type DecisionInput,
  type GateVerdict,
  type Prediction,
  type PredictionConfig,
  PredictiveHealing,
  type ProposalSnapshot,
} from "./prediction";
import { IncidentBook } from "./incidents";
import { OpenFaults } from "./open-faults";
import type { HealingRecord } from "./model/records";
import type { SwarmConfig } from "./swarm-config";
import { SilenceWatch } from "./silence-watch";
import { SwarmState } from "./swarm-state";
import type { EngineEvent, EngineEventMap, MetricsTick } from "./model/types";

/** How a swarm engine publishes its outputs. */
export type Emit = <K extends keyof EngineEventMap>(name: K, payload: EngineEventMap[K]) => void;

/** What a swarm engine is built from. */
export type SwarmEngineDeps = {
  newId: () => string;
  emit: Emit;
  coordinator: CoordinatorPort;
  now: () => number;
  registry?: StrategyRegistry | undefined;
};

/** The window of healings the live health score reads (the overview's "last 5 minutes"). */
const HEALTH_WINDOW_MS = 5 * 60_000;

/** Healings a bottleneck is offered in all, the wait before the second (doubling after), and the re-check of a
 * re-offer a guardrail held back. */
const REOFFERS = 3;
const REOFFER_AFTER_MS = 60_000;
const REOFFER_RECHECK_MS = 5_000;

/** The engine's prediction tunables (the rest are the reference's). */
const PREDICTION_CONFIG: Partial<PredictionConfig> = {
  healthMinResults: 5,
  healthSlowerThanFleet: 1.5,
  healthFromHeartbeats: true,
  bottleneckOnRise: true,
  skipExhaustedBudget: true,
  trendSamples: 6,
  queueTrendSamples: 3,
  tokenHorizonMs: 600_000,
  queueEarlyDepth: 25,
};

/** The per-swarm composition of the engine's components. */
export class SwarmEngine {
  readonly metrics: SwarmMetrics;
  readonly detector: BottleneckDetector;
  readonly learner = new PatternLearner();
  readonly predictor: PredictiveHealing;
  readonly state = new SwarmState();
  /** Task results of the last minutes by final outcome, for the health score (docs/decisions.md#d26). */
  readonly tasks = new TaskOutcomes(HEALTH_WINDOW_MS);
  /** Silence detection (docs/decisions.md#d30): agents not heard from for k of their intervals are down. */
  readonly silence = new SilenceWatch();
  readonly healer: SelfHealer;
  readonly registry: StrategyRegistry;
  readonly analytics: HealingAnalytics;
  /** One incident per fault, with how it is handled now (docs/decisions.md#d29). */
  readonly incidents = new IncidentBook();
  /** Failures and active bottlenecks present now: what prediction must not "predict" (docs/decisions.md#d29). */
  private readonly faults = new OpenFaults();
  /** Active bottleneck → the failure it stands for, re-offered to the healer while the bottleneck holds (`offers` so
   * far, not before `nextAt`). */
  private readonly bottleneckFailures = new Map<string, { failure: Failure; offers: number; nextAt: number }>();
  /** The swarm's healing policies (the healer holds its own copy; the gate asks about preventive ones). */
  private policies: PolicyConfig = {};
  /** Failure types with a configured strategy chain. */
  private chained = new Set<string>();

  constructor(
    readonly swarm: string,
    private deps: SwarmEngineDeps,
  ) {
    this.metrics = new SwarmMetrics(swarm);
    // At least 5 finished tasks before an agent can be "slow" or "unreliable": one early failure is not a bottleneck;
    // an ongoing bottleneck's figures are re-published every 5 s while they change (cards show the queue as it is).
    this.detector = new BottleneckDetector(deps.newId, { minSamples: 5, refreshMs: 5_000 });
    // Like the detector: judge an agent's health only on 5+ results in the window, not on one unlucky task, and call
    // it slowing only when it is also 1.5× slower than the fleet (docs/decisions.md#d5's slow-agent concept); an agent's own degraded
    // heartbeats count as well. A bottleneck predicts when it appears or worsens, not again while it holds; a spent
    // token budget is a present failure (and the queue then waits for tokens, not agents). Trends
    // follow the newest 6 samples (queue: 3) rather than the 5 min window, so a sudden climb shows at once and a
    // plateau is no trend; a token budget its trend exhausts within 10 min, and a queue half-way to a backlog, count
    // before the reference's levels.
    this.predictor = new PredictiveHealing({ newId: deps.newId, config: PREDICTION_CONFIG });
    this.registry = deps.registry ?? createDefaultRegistry();
    this.healer = new SelfHealer({ port: deps.coordinator, view: this.state, newId: deps.newId, registry: this.registry });
    // The live window only (health score, recent strategy results); longer ranges come from the rollups (docs/decisions.md#d27).
    this.analytics = new HealingAnalytics({ since: deps.now(), capacity: 2_000 });
    // The health score's success term: the share of the swarm's recent tasks whose final attempt succeeded (docs/decisions.md#d26).
    this.analytics.taskSuccessRate = (at) => this.tasks.rate(at);
  }

  /** Feeds committed events that arrived at `now`. */
  ingest(events: EngineEvent[], now: number): void {
    this.metrics.record(events, now);
    this.detector.observe(events, now);
    for (const e of events) {
      this.state.observe(e);
      this.tasks.observe(e, now);
      this.silence.observe(e, now);
      this.learner.observe(e);
      this.predictor.observe(e);
      this.apply(this.healer.observe(e, now));
      this.incidents.observe(e, now);
      const failure = detectFailure(e, now, this.deps.newId);
      if (failure) this.onFailure(failure, now);
    }
    this.publishIncidents(now);
  }

  /** Adds an already-processed event to the windows (takeover): detection, agent state, learning, prediction inputs. */
  warm(e: EngineEvent): void {
    this.detector.observe([e], e.ts);
    this.state.observe(e);
    this.tasks.observe(e);
    this.learner.observe(e);
    this.predictor.observe(e);
  }

  /**
   * Applies an operator's decision on a proposal (already recorded in storage, where the first decision stands). An
   * approval always ends in a healing record (docs/decisions.md#d28): one that runs, or one cancelled with the reason it could not
   * (no strategy, policy off, a healing already running, the failure already gone). `decision.proposal` is the stored
   * proposal, used when this engine no longer holds it (after a restart or takeover).
   */
  decide(predictionId: string, decision: DecisionInput, now: number): void {
    const r = this.predictor.decide(predictionId, decision, now);
    if (!r.ok && r.reason === "expired") return this.emit("prediction.updated", { prediction: r.prediction });
    if (!r.ok && r.reason === "not_open") return;
    const proposal: ProposalSnapshot | undefined = r.ok ? r.prediction : decision.proposal;
    if (decision.decision !== "approve" || !proposal) return;
    const failure = failureFromPrediction(proposal);
    const started = this.healer.onFailure(failure, "preventive", now, { predictionId: proposal.id, approved: true });
    this.apply(started.changes);
    if (started.decision === "unhandled" || started.decision === "ignored" || started.decision === "coalesced") {
      this.apply(this.healer.refuse(failure, "preventive", proposal.id, started.reason ?? started.decision, now));
    }
    this.publishIncidents(now);
  }

  /** Applies an operator's decision on a healing waiting for approval (a detected failure under an "approve" policy). */
  decideHealing(healingId: string, decision: DecisionInput, now: number): void {
    const reason = `rejected by ${decision.by}${decision.reason ? `: ${decision.reason}` : ""}`;
    this.apply(decision.decision === "approve" ? this.healer.approve(healingId, now) : this.healer.reject(healingId, now, reason));
    this.publishIncidents(now);
  }

  /** A running healing taken over from the previous owner: failures it heals join it until it ends (see SelfHealer.adopt). */
  adoptHealing(healingId: string, failure: Failure): void {
    this.healer.adopt(healingId, failure);
  }

  /** Open proposals stored by the previous engine (takeover): tracked again instead of proposed a second time. */
  adoptProposals(proposals: readonly Prediction[]): void {
    for (const p of proposals) this.predictor.adopt(p);
  }

  /** A taken-over healing ended. */
  adoptedFinished(healingId: string): void {
    this.healer.release(healingId);
  }

  /** Tells the healer a command's result (from the coordinator link). */
  commandResult(commandId: string, result: Parameters<SelfHealer["commandResult"]>[1], now: number): void {
    this.apply(this.healer.commandResult(commandId, result, now));
    this.publishIncidents(now);
  }

  /**
   * Applies a swarm's settings live: policies, strategy chains, proposal threshold, guardrails and target MTTR. Learned
   * state, active healings and guardrail history are kept. Throws on an unknown strategy before changing anything.
   */
  configure(config: SwarmConfig): void {
    const known = new Set(this.registry.catalog().strategies.map((s) => s.name));
    const unknown = Object.values(config.chains)
      .flat()
      .find((name) => !known.has(name));
    if (unknown !== undefined) throw new Error(`unknown strategy ${unknown}`);
    if (!(config.confidenceThreshold >= 0 && config.confidenceThreshold <= 1))
      throw new RangeError("confidenceThreshold must be within [0, 1]");
    if (!isSilenceIntervals(config.silenceIntervals)) throw new RangeError("silenceIntervals must be an integer within [2, 20]");
    for (const type of new Set([...this.chained, ...Object.keys(config.chains)])) this.registry.setChain(type, config.chains[type] ?? []);
    this.chained = new Set(Object.keys(config.chains).filter((type) => (config.chains[type] ?? []).length > 0));
    this.healer.configure({ policies: config.policies, guardrails: config.guardrails });
    this.policies = config.policies;
    this.predictor.setConfidenceThreshold(config.confidenceThreshold);
    this.analytics.targetMttrMs = config.targetMttrMs;
    this.silence.k = config.silenceIntervals;
  }

  /** The strategies and failure types this swarm's healing can be configured with. */
  catalog(): HealingCatalog {
    return this.registry.catalog();
  }

  /** Time-driven work at `now`: detection, learning, prediction, healing deadlines; returns the live figures. */
  tick(now: number): MetricsTick {
    // While the whole swarm is silent (docs/decisions.md#d30) nothing resolves or verifies by its silence: bottlenecks are held as they are.
    const stale = this.silence.staleness(now).stale;
    if (!stale) this.detect(now);
    this.reofferBottlenecks(now);
    this.learner.learnIfDue(now);
    for (const prediction of this.predictor.expire(now)) this.emit("prediction.updated", { prediction });
    for (const prediction of this.predictor.settleOutcomes(now)) this.emit("prediction.updated", { prediction });
    const predicted = this.predictor.predict(now, {
      patterns: this.learner.patterns(),
      bottlenecks: this.detector.active(),
      gate: (c) => this.gate(c, now),
    });
    for (const p of predicted) this.onPrediction(p, now);
    for (const prediction of this.predictor.takeRefreshed()) this.emit("prediction.updated", { prediction });
    for (const failure of this.silence.check(now, this.deps.newId)) this.onFailure(failure, now);
    this.apply(this.healer.tick(now, stale));
    this.state.prune(now);
    this.faults.prune(now, (id) => this.bottleneckFailures.has(id));
    this.publishIncidents(now);
    return this.snapshot(now);
  }

  /** Re-reads every open incident's handling and publishes what changed. */
  private publishIncidents(now: number): void {
    this.incidents.evaluate(now, (target) => this.healer.activeOn(target));
    for (const incident of this.incidents.take()) this.emit("incident.updated", { incident });
  }

  /** A detection pass at `now` (on ingest as well as on the tick, so a fault reaches the screen on its event). */
  detect(now: number): void {
    const changes = this.detector.detect(now);
    for (const b of changes.detected) this.onBottleneck(b, now);
    for (const bottleneck of changes.updated) {
      this.emit("bottleneck.updated", { bottleneck });
      this.incidents.setSeverity(bottleneck.id, bottleneck.severity, now);
    }
    for (const bottleneck of changes.resolved) {
      this.emit("bottleneck.resolved", { bottleneck });
      this.faults.close(bottleneck.id);
      this.incidents.close(bottleneck.id, now, "bottleneck cleared");
      this.bottleneckFailures.delete(bottleneck.id);
      this.apply(this.healer.markResolved({ bottleneckId: bottleneck.id }, now));
    }
    this.publishIncidents(now);
  }

  /** The live figures at `now`, with the health score and its terms (docs/decisions.md#d26). */
  snapshot(now: number): MetricsTick {
    // Health now: healings that finished in the last HEALTH_WINDOW_MS (the range is half-open, so up to now inclusive), not every one since the engine started (a
    // recovery an hour ago says nothing about the swarm now).
    const { score, success_points, mttr_points, strategy_points, target_mttr_ms } = this.analytics.health({
      from: now - HEALTH_WINDOW_MS,
      to: now + 1,
    });
    return {
      ...this.metrics.tick(now),
      health_score: score,
      health: { success_points, mttr_points, strategy_points, target_mttr_ms },
      ...this.silence.staleness(now),
    };
  }

  /** The agents as the operator's table shows them. */
  agents(): AgentRoster {
    return agentRoster(this.state.details(), this.registry.routed(), this.silence.silent());
  }

  private emit<K extends Exclude<keyof EngineEventMap, "metrics.tick">>(name: K, payload: Omit<EngineEventMap[K], "swarm">): void {
    this.deps.emit(name, { swarm: this.swarm, ...payload } as EngineEventMap[K]);
  }

  private onFailure(failure: Failure, now: number): void {
    this.silence.onFailure(failure);
    this.emit("failure.detected", { failure });
    this.faults.open(failure.id, { failureType: failure.failureType, agentId: failure.agentId, since: failure.detectedAt });
    this.predictor.recordFailure({ failureType: failure.failureType, agentId: failure.agentId, ts: failure.detectedAt });
    this.learner.observeInternal({
      type: "failure_detected",
      ts: failure.detectedAt,
      agentId: failure.agentId ?? undefined,
      failureType: failure.failureType,
    });
    this.analytics.recordFailure({ detectedAt: failure.detectedAt });
    const target = targetOf(failure);
    this.incidents.openIncident(
      {
        id: failure.id,
        source: "failure",
        failureType: failure.failureType,
        agentId: failure.agentId,
        severity: failure.severity ?? "medium",
        target,
      },
      failure,
      now,
    );
    const routed = this.healer.onFailure(failure, "detected", now);
    this.noteRouting(target, routed, now);
    this.apply(routed.changes);
  }

  /** Tells the incidents of `target` what the healer did with their fault (a healing, or why none). */
  private noteRouting(target: string, routed: OnFailureResult, now: number): void {
    if (routed.healing && (routed.decision === "started" || routed.decision === "proposed" || routed.decision === "coalesced"))
      this.incidents.noteHealing(target, routed.healing.id);
    else if (routed.decision === "skipped" && routed.reason === "failure already resolved")
      this.incidents.resolvedOnTarget(target, now, "resolved before a healing acted");
    else if (routed.reason)
      this.incidents.noteReason(
        target,
        routed.decision === "unhandled"
          ? `no automatic healing: ${routed.reason}`
          : routed.decision === "ignored"
            ? routed.reason
            : `automatic healing held back: ${routed.reason}`,
      );
  }

  private onBottleneck(bottleneck: Bottleneck, now: number): void {
    this.emit("bottleneck.detected", { bottleneck });
    const failure = failureFromBottleneck(bottleneck, this.deps.newId);
    this.faults.open(bottleneck.id, { failureType: bottleneck.type, agentId: failure.agentId, since: bottleneck.detectedAt });
    this.predictor.recordFailure({ failureType: bottleneck.type, agentId: failure.agentId, ts: bottleneck.detectedAt });
    this.incidents.openIncident(
      {
        id: bottleneck.id,
        source: "bottleneck",
        failureType: bottleneck.type,
        agentId: failure.agentId,
        severity: bottleneck.severity,
        target: targetOf(failure),
      },
      null,
      now,
    );
    const routed = this.healer.onFailure(failure, "detected", now);
    // Held back by a guardrail (e.g. the cooldown of a preventive healing just before): offered again once it allows.
    this.bottleneckFailures.set(bottleneck.id, {
      failure,
      offers: 1,
      nextAt: now + (routed.decision === "skipped" ? REOFFER_RECHECK_MS : REOFFER_AFTER_MS),
    });
    this.noteRouting(targetOf(failure), routed, now);
    if (routed.decision === "unhandled" || routed.decision === "ignored") return;
    this.emit("failure.detected", { failure });
    this.analytics.recordFailure({ detectedAt: failure.detectedAt });
    this.apply(routed.changes);
  }

  /** An active bottleneck whose healing ended without clearing it (failed, skipped, declined) is offered to the
   * healer again once nothing heals its target, at most REOFFERS times, each after twice the wait of the one before
   * (a strategy that cannot help is not retried every second); guardrails still apply. Past that its incident says
   * why automation stopped. */
  private reofferBottlenecks(now: number): void {
    for (const [id, entry] of this.bottleneckFailures) {
      const target = targetOf(entry.failure);
      if (entry.offers >= REOFFERS || now < entry.nextAt || this.healer.healingOn(target)) continue;
      // A guardrail still holding it back is waited out without a cancelled healing for every check.
      if (this.healer.heldBack(entry.failure, now) !== null) {
        entry.nextAt = now + REOFFER_RECHECK_MS;
        continue;
      }
      const again = this.healer.onFailure(entry.failure, "detected", now);
      this.noteRouting(target, again, now);
      if (again.decision === "started" || again.decision === "proposed") {
        this.apply(again.changes);
        entry.nextAt = now + REOFFER_AFTER_MS * 2 ** entry.offers++;
      } else if (again.decision === "unhandled" || again.decision === "ignored") this.bottleneckFailures.delete(id);
      else entry.nextAt = now + REOFFER_RECHECK_MS;
    }
  }

  /**
   * What a candidate prediction becomes (docs/decisions.md#d28, and "predictions only before the fact"): dropped when its fault is
   * already detected or a healing is active on its target; an observation when no healing could run on approval;
   * otherwise a proposal.
   */
  private gate(c: Candidate, now: number): GateVerdict {
    if (this.faults.covers(c.failureType, c.agentId)) return { verdict: "skip" };
    // An agent that already reported itself failed or down is not "about to" fail (e.g. the voters of a lost quorum).
    if (c.agentId !== null && this.state.stateOf(c.agentId) === "failed") return { verdict: "skip" };
    const failure = failureFromPrediction({ id: "candidate", ...c, predictedAt: now, expectedAt: now + c.etaMs });
    const preview = this.healer.preview(failure, "preventive");
    if (preview.kind === "active") return { verdict: "skip" };
    if (preview.kind === "none") return { verdict: "observe", why: `no healing can run (${preview.reason})` };
    return { verdict: "propose" };
  }

  /** A new prediction: published; an open one under an "auto" preventive policy heals at once (no decision needed). */
  private onPrediction(prediction: Prediction, now: number): void {
    this.emit("prediction.created", { prediction });
    if (prediction.status !== "open" || policyFor(this.policies, prediction.failureType, "preventive") !== "auto") return;
    const r = this.healer.onFailure(failureFromPrediction(prediction), "preventive", now, { predictionId: prediction.id });
    this.apply(r.changes);
  }

  /** Emits the healer's changes in storage order and feeds the learner, predictor and analytics. */
  private apply(changes: readonly HealerChange[]): void {
    for (const c of changes) {
      if (c.type === "command.updated") {
        this.emit("command.updated", { command: c.command });
      } else if (c.type === "failure.resolved") {
        this.emit("failure.resolved", { failureId: c.failureId, resolvedAt: c.resolvedAt });
      } else {
        const healing = storable(c.healing);
        this.analytics.recordHealing(healing);
        if (c.type === "healing.finished") this.onHealingFinished(healing);
        this.emit(c.type === "healing.finished" ? "healing.finished" : "healing.started", { healing });
      }
    }
  }

  private onHealingFinished(h: HealingRecord): void {
    this.learner.observeInternal({
      type: "healing_attempted",
      ts: h.finishedAt ?? h.startedAt,
      failureType: h.failureType,
      strategy: h.strategy,
      success: h.status === "succeeded",
    });
    if (h.predictionId)
      this.predictor.recordHealing({ predictionId: h.predictionId, succeeded: h.status === "succeeded", ts: h.finishedAt ?? h.startedAt });
    if (h.failureId && h.status === "succeeded") this.faults.close(h.failureId);
    this.incidents.noteHealingEnded(h.id, h.status, h.reason ?? null, h.finishedAt ?? h.startedAt);
  }
}

/** Healings of predicted failures point at no stored failure: their synthetic failure id is not kept. */
function storable(h: HealingRecord): HealingRecord {
  return h.failureId?.startsWith("predicted:") ? { ...h, failureId: null } : h;
}
