// BottleneckDetector, one per swarm (docs/decisions.md#d4): each event updates bucketed aggregates in O(1) (docs/decisions.md#d8); a detection pass is
// O(agents) and returns lifecycle changes; every collection is bounded (docs/decisions.md#d3). Time is always passed in (docs/decisions.md#d1).
import type { EngineEvent } from "../model/types";
import { consensusRound, taskOutcome } from "./event-readers";
import { CONSENSUS_FIELDS, consensusRule, slowAgentRule } from "./fleet-rules";
import { BottleneckLifecycle, type FindingSink } from "./lifecycle";
import { performanceReport, TaskRows, type PerformanceReport } from "./performance-report";
import { ResourceGauges } from "./resource-gauges";
import { queueRule, quotaRule, tokenRule } from "./resource-rules";
import { firstBucketIndex, SumWindow } from "./sum-window";
import { AgentWindows, newTaskWindow, taskSample, type AgentEntry, type TaskField } from "./task-window";
import { DEFAULT_DETECTOR_CONFIG, type Bottleneck, type BottleneckChanges, type DetectorConfig, type Finding } from "./types";

const SIGNAL_FIELDS = ["quotaExceeded", "resourceExhaustion"] as const;

/** Bottleneck types that are not per agent (slow_agent adds at most one per tracked agent). */
const FIXED_IDENTITIES = 4;

/** Sizes of every in-memory collection of a detector (docs/decisions.md#d3). */
export type DetectorMemory = {
  agents: number;
  agentBuckets: number;
  fleetBuckets: number;
  consensusBuckets: number;
  signalBuckets: number;
  tokenTrail: number;
  rows: number;
  tracked: number;
};

/** The bottleneck detector of one swarm. */
export class BottleneckDetector {
  /** Effective configuration (defaults merged with the overrides). */
  readonly config: DetectorConfig;
  private readonly fleet: SumWindow<TaskField>;
  private readonly consensus: SumWindow<(typeof CONSENSUS_FIELDS)[number]>;
  private readonly signals: SumWindow<(typeof SIGNAL_FIELDS)[number]>;
  private readonly agents: AgentWindows;
  private readonly gauges: ResourceGauges;
  private readonly rows: TaskRows;
  private readonly lifecycle: BottleneckLifecycle;
  /** Scratch list of the slow agents of a pass (reused so a pass allocates nothing per agent). */
  private readonly flagged: AgentEntry[] = [];

  constructor(
    private readonly newId: () => string,
    config: Partial<DetectorConfig> = {},
  ) {
    const c = { ...DEFAULT_DETECTOR_CONFIG, ...config };
    this.config = { ...c, bucketMs: Math.max(1, c.bucketMs), maxAgents: Math.max(1, c.maxAgents), maxRows: Math.max(1, c.maxRows) };
    const { bucketMs } = this.config;
    this.fleet = newTaskWindow(bucketMs);
    this.consensus = new SumWindow(CONSENSUS_FIELDS, bucketMs);
    this.signals = new SumWindow(SIGNAL_FIELDS, bucketMs);
    this.agents = new AgentWindows(bucketMs, this.config.maxAgents);
    this.gauges = new ResourceGauges(bucketMs);
    this.rows = new TaskRows(this.config.maxRows);
    const { holdDownMs, updateImpactDelta, maxAgents } = this.config;
    this.lifecycle = new BottleneckLifecycle({
      holdDownMs,
      updateImpactDelta,
      maxTracked: maxAgents + FIXED_IDENTITIES,
      newId,
      refreshMs: this.config.refreshMs,
    });
  }

  /** Folds stored events in (call on every ingested batch); events outside the window or too far ahead are ignored. */
  observe(events: readonly EngineEvent[], now: number): void {
    const firstIdx = this.firstIdx(now);
    this.expireShared(firstIdx);
    for (const e of events) {
      if (!Number.isFinite(e.ts) || Math.floor(e.ts / this.config.bucketMs) < firstIdx || e.ts > now + this.config.maxSkewMs) continue;
      this.observeOne(e, firstIdx);
    }
  }

  /** The rule findings at `now` in detection order (token, quota, slow agents, queue, consensus), no lifecycle. */
  evaluate(now: number): Finding[] {
    const out: Finding[] = [];
    this.assess(now, { holds: () => false, report: (f) => void out.push(f) });
    return out;
  }

  /** One detection pass at `now` (call about once a second): what was detected, updated or resolved. */
  detect(now: number): BottleneckChanges {
    this.lifecycle.begin(now);
    this.assess(now, this.lifecycle);
    return this.lifecycle.end();
  }

  /** The bottlenecks currently active (including those inside their hold-down), as last emitted. */
  active(): Bottleneck[] {
    return [...this.lifecycle.state.values()].map((t) => t.record);
  }

  /** Performance report over the last `rangeMs` (capped at the window; longer ranges come from storage, docs/decisions.md#d27). */
  analyzePerformance(now: number, rangeMs = DEFAULT_DETECTOR_CONFIG.windowMs): PerformanceReport {
    const range = Math.max(0, Math.min(rangeMs, this.config.windowMs));
    return performanceReport(this.rows.between(now - range, now), this.active(), range, now);
  }

  /** Sizes of the in-memory collections (for bounds checks and benchmarks). */
  memory(): DetectorMemory {
    return {
      agents: this.agents.count,
      agentBuckets: this.agents.buckets,
      fleetBuckets: this.fleet.size,
      consensusBuckets: this.consensus.size,
      signalBuckets: this.signals.size,
      tokenTrail: this.gauges.size,
      rows: this.rows.size,
      tracked: this.lifecycle.state.size,
    };
  }

  /** Runs the rules at `now` in detection order (token, quota, slow agents, queue, consensus), reporting to `sink`. */
  private assess(now: number, sink: FindingSink): void {
    const { bucketMs, minSamples } = this.config;
    const firstIdx = this.firstIdx(now);
    this.expireShared(firstIdx);
    this.agents.sweep(firstIdx);
    const reading = this.gauges.read(firstIdx * bucketMs);
    const fleet = this.fleet.totals;
    const ctx = {
      avgTokensPerTask: fleet.tokenTasks > 0 ? fleet.tokenSum / fleet.tokenTasks : 0,
      quotaExceededEvents: this.signals.totals.quotaExceeded,
      resourceExhaustionEvents: this.signals.totals.resourceExhaustion,
    };
    const token = tokenRule(reading, ctx);
    if (token) sink.report(token);
    const quota = quotaRule(reading, ctx);
    if (quota) sink.report(quota);
    slowAgentRule(this.agents, fleet, minSamples, sink, this.flagged);
    const queue = queueRule(reading);
    if (queue) sink.report(queue);
    const consensus = consensusRule(this.consensus.totals, minSamples);
    if (consensus) sink.report(consensus);
  }

  private firstIdx(now: number): number {
    return firstBucketIndex(now, this.config.windowMs, this.config.bucketMs);
  }

  /** Expires the swarm-wide windows (O(1) amortised); agent windows expire on their own adds and on sweeps. */
  private expireShared(firstIdx: number): void {
    this.fleet.expire(firstIdx);
    this.consensus.expire(firstIdx);
    this.signals.expire(firstIdx);
    this.gauges.expire(firstIdx);
  }

  private observeOne(e: EngineEvent, firstIdx: number): void {
    const task = taskOutcome(e);
    if (task) {
      const sample = taskSample(task);
      this.fleet.add(e.ts, sample);
      if (task.agentId !== null) this.agents.add(task.agentId, e.ts, sample, firstIdx);
      this.rows.push({ ts: e.ts, durationMs: task.durationMs, tokensUsed: task.tokensUsed, success: task.success });
      return;
    }
    const round = consensusRound(e);
    if (round) {
      const timed = round.durationMs === null ? 0 : 1;
      this.consensus.add(e.ts, {
        rounds: 1,
        timeouts: round.timedOut ? 1 : 0,
        failures: round.failed ? 1 : 0,
        timedRounds: timed,
        durationSum: round.durationMs ?? 0,
      });
      return;
    }
    if (e.type === "quota_exceeded") this.signals.add(e.ts, { quotaExceeded: 1 });
    if (e.type === "resource_exhaustion") this.signals.add(e.ts, { resourceExhaustion: 1 });
    this.gauges.observe(e);
  }
}
