// One swarm's engine state (D4): live metrics, bottleneck detection, pattern learning and failure prediction,
// fed with committed events and advanced by ticks; every output is handed to `emit` as a typed engine event.
import { BottleneckDetector } from "./detection";
import { SwarmMetrics } from "./metrics/swarm-metrics";
import { PatternLearner } from "./patterns";
import { type DecisionInput, PredictiveHealing } from "./prediction";
import type { EngineEvent, EngineEventMap, MetricsTick } from "./types";

/** How a swarm engine publishes its outputs. */
export type Emit = <K extends keyof EngineEventMap>(name: K, payload: EngineEventMap[K]) => void;

/** The per-swarm composition of the engine's components. */
export class SwarmEngine {
  readonly metrics: SwarmMetrics;
  readonly detector: BottleneckDetector;
  readonly learner = new PatternLearner();
  readonly predictor: PredictiveHealing;

  constructor(
    readonly swarm: string,
    newId: () => string,
    private emit: Emit,
  ) {
    this.metrics = new SwarmMetrics(swarm);
    this.detector = new BottleneckDetector(newId);
    this.predictor = new PredictiveHealing({ newId });
  }

  /** Feeds committed events that arrived at `now`. */
  ingest(events: EngineEvent[], now: number): void {
    this.metrics.record(events, now);
    this.detector.observe(events, now);
    for (const e of events) {
      this.learner.observe(e);
      this.predictor.observe(e);
    }
  }

  /** Applies an operator's decision on a proposal (already recorded in storage: the first decision stands there). */
  decide(predictionId: string, decision: DecisionInput, now: number): void {
    const r = this.predictor.decide(predictionId, decision, now);
    if (!r.ok && r.reason === "expired") this.emit("prediction.updated", { swarm: this.swarm, prediction: r.prediction });
  }

  /** Time-driven work at `now`: detection pass, due learning, and the live figures. */
  tick(now: number): MetricsTick {
    const changes = this.detector.detect(now);
    for (const bottleneck of changes.detected) this.emit("bottleneck.detected", { swarm: this.swarm, bottleneck });
    for (const bottleneck of changes.updated) this.emit("bottleneck.updated", { swarm: this.swarm, bottleneck });
    for (const bottleneck of changes.resolved) this.emit("bottleneck.resolved", { swarm: this.swarm, bottleneck });
    this.learner.learnIfDue(now);
    const swarm = this.swarm;
    for (const prediction of this.predictor.expire(now)) this.emit("prediction.updated", { swarm, prediction });
    for (const prediction of this.predictor.settleOutcomes(now)) this.emit("prediction.updated", { swarm, prediction });
    const predicted = this.predictor.predict(now, { patterns: this.learner.patterns(), bottlenecks: this.detector.active() });
    for (const prediction of predicted) this.emit("prediction.created", { swarm, prediction });
    return this.metrics.tick(now);
  }
}
