// Windowed, bounded per-swarm state the prediction sources read, fed one event at a time (docs/decisions.md#d3, docs/decisions.md#d4).
import type { EngineEvent } from "../model/types";
import type { PredictionConfig } from "./config";
import { isLearnable } from "../patterns/event-roles";
import { HeartbeatHealth, type DegradedAgent } from "./heartbeat-health";
import { openPending, pausedChanged, pausedPrioritiesOf } from "./held-work";
import { agentOf, metadataOf, num, taskResultOf, type TaskResult } from "./read-event";
import { TimedSeries } from "./timed-series";
import { tokenPercentOf } from "./token-reading";

/** A heartbeat older than this says nothing about the agent's health now. */
const HEARTBEAT_FRESH_MS = 60_000;

/** Recent task results of one agent. */
export type AgentWindow = { agentId: string; results: TaskResult[] };

/** What the sources read at `now`: in-window values (metric series: their newest trend samples), oldest first. */
export type ObservationView = {
  tokenUsage: number[];
  memoryUsage: number[];
  /** Queue depth without the tasks held in paused lanes (they cannot time out while held). */
  queueDepth: number[];
  /** Mean time between the samples of each series above (ms), or null with fewer than two: ETAs use the real
   * spacing, not an assumed one. */
  spacingMs: { tokenUsage: number | null; memoryUsage: number | null; queueDepth: number | null };
  highPriority: number[];
  /** Whether the newest token usage reading in the window is at or above 100 % (the budget is exhausted). */
  tokensExhausted: boolean;
  /** The priorities the newest resource_snapshot in the window reported as paused. */
  pausedPriorities: readonly string[];
  agents: AgentWindow[];
  /** Agents whose newest heartbeat, within the last minute, reported degraded health. */
  degradedAgents: DegradedAgent[];
  /** The newest event of a learnable `type` (a pattern's precursor) at or after `since` (optionally from one agent). */
  latestIndicator(type: string, since: number, agentId?: string): { ts: number; agentId: string | null } | null;
};

/** The per-source windows of one swarm. */
export class Observations {
  private readonly tokenUsage: TimedSeries<number>;
  private readonly memoryUsage: TimedSeries<number>;
  private readonly queueDepth: TimedSeries<number>;
  private readonly highPriority: TimedSeries<number>;
  private readonly agents = new Map<string, TimedSeries<TaskResult>>();
  private readonly indicators = new Map<string, TimedSeries<string | null>>();
  private paused: { ts: number; priorities: string[] } = { ts: -Infinity, priorities: [] };
  private tokens = { ts: -Infinity, percent: 0 };
  private readonly heartbeats: HeartbeatHealth;

  constructor(private readonly config: PredictionConfig) {
    const n = config.maxSamples;
    this.heartbeats = new HeartbeatHealth(config.maxAgents);
    this.tokenUsage = new TimedSeries(n);
    this.memoryUsage = new TimedSeries(n);
    this.queueDepth = new TimedSeries(n);
    this.highPriority = new TimedSeries(n);
  }

  /** Folds one stored event into the windows; events of other types are ignored. */
  observe(e: EngineEvent): void {
    const meta = metadataOf(e);
    if (e.type === "resource_metric") {
      addIfNumber(this.tokenUsage, e.ts, meta.token_usage_percent);
      addIfNumber(this.memoryUsage, e.ts, meta.memory_usage_percent);
    } else if (e.type === "resource_snapshot") {
      const priorities = pausedPrioritiesOf(meta);
      if (priorities && e.ts >= this.paused.ts) {
        if (pausedChanged(this.paused.priorities, priorities)) this.queueDepth.prune(e.ts);
        this.paused = { ts: e.ts, priorities };
      }
    } else if (e.type === "queue_metric") {
      const depth = num(meta.queue_depth);
      if (depth !== undefined) this.queueDepth.add(e.ts, openPending(depth, meta.by_priority, this.paused.priorities));
      addIfNumber(this.highPriority, e.ts, meta.high_priority_count);
    } else if (isLearnable(e.type)) {
      this.indicatorSeries(e.type).add(e.ts, agentOf(e));
    }
    this.heartbeats.observe(e);
    const percent = tokenPercentOf(e);
    if (percent !== undefined && e.ts >= this.tokens.ts) this.tokens = { ts: e.ts, percent };
    const result = taskResultOf(e);
    const agent = agentOf(e);
    if (result && agent !== null) this.agentSeries(agent).add(e.ts, result);
  }

  /** The in-window values at `now`. */
  view(now: number): ObservationView {
    const from = now - this.config.windowMs;
    const samples = (s: TimedSeries<number>, newest: number | null = null) => {
      const xs = s.since(from);
      return newest === null ? xs : xs.slice(-Math.max(1, newest));
    };
    const values = (s: TimedSeries<number>, newest: number | null = null) => samples(s, newest).map((x) => x.value);
    const spacing = (s: TimedSeries<number>, newest: number | null) => {
      const xs = samples(s, newest);
      return xs.length < 2 ? null : (xs[xs.length - 1]!.ts - xs[0]!.ts) / (xs.length - 1) || null;
    };
    const agents: AgentWindow[] = [];
    for (const agentId of [...this.agents.keys()].sort()) {
      const results =
        this.agents
          .get(agentId)
          ?.since(from)
          .map((x) => x.value) ?? [];
      if (results.length > 0) agents.push({ agentId, results });
    }
    return {
      tokenUsage: values(this.tokenUsage, this.config.trendSamples),
      memoryUsage: values(this.memoryUsage, this.config.trendSamples),
      queueDepth: values(this.queueDepth, this.config.queueTrendSamples),
      spacingMs: {
        tokenUsage: spacing(this.tokenUsage, this.config.trendSamples),
        memoryUsage: spacing(this.memoryUsage, this.config.trendSamples),
        queueDepth: spacing(this.queueDepth, this.config.queueTrendSamples),
      },
      highPriority: values(this.highPriority, this.config.queueTrendSamples),
      tokensExhausted: this.tokens.ts >= from && this.tokens.percent >= 100,
      pausedPriorities: this.paused.ts >= from ? this.paused.priorities : [],
      agents,
      degradedAgents: this.heartbeats.degraded(Math.max(from, now - HEARTBEAT_FRESH_MS)),
      latestIndicator: (type, since, agentId) => {
        const hits = (this.indicators.get(type)?.since(since) ?? []).filter((x) => agentId === undefined || x.value === agentId);
        const last = hits[hits.length - 1];
        return last ? { ts: last.ts, agentId: last.value } : null;
      },
    };
  }

  /** Drops samples that left every window and agents with nothing left. */
  prune(now: number): void {
    const from = now - this.config.windowMs;
    for (const s of [this.tokenUsage, this.memoryUsage, this.queueDepth, this.highPriority]) s.prune(from);
    for (const [agent, s] of this.agents) if (s.prune(from) === 0) this.agents.delete(agent);
    this.heartbeats.prune(from);
    const indicatorsFrom = now - this.config.indicatorRetentionMs;
    for (const [type, s] of this.indicators) if (s.prune(indicatorsFrom) === 0) this.indicators.delete(type);
  }

  /** Number of samples held in total (for the bounded-memory property). */
  footprint(): number {
    let n = this.tokenUsage.size + this.memoryUsage.size + this.queueDepth.size + this.highPriority.size + this.heartbeats.size;
    for (const s of this.agents.values()) n += s.size;
    for (const s of this.indicators.values()) n += s.size;
    return n;
  }

  /** The series of one learnable type; past `maxIndicatorTypes` the least recently seen type is forgotten (docs/decisions.md#d3). */
  private indicatorSeries(type: string): TimedSeries<string | null> {
    const existing = this.indicators.get(type);
    if (existing) {
      this.indicators.delete(type);
      this.indicators.set(type, existing);
      return existing;
    }
    if (this.indicators.size >= this.config.maxIndicatorTypes) {
      const oldest = this.indicators.keys().next();
      if (!oldest.done) this.indicators.delete(oldest.value);
    }
    return this.seriesOf(this.indicators, type, this.config.maxIndicatorEvents);
  }

  private agentSeries(agent: string): TimedSeries<TaskResult> {
    const existing = this.agents.get(agent);
    if (existing) {
      this.agents.delete(agent);
      this.agents.set(agent, existing);
      return existing;
    }
    if (this.agents.size >= this.config.maxAgents) {
      const oldest = this.agents.keys().next();
      if (!oldest.done) this.agents.delete(oldest.value);
    }
    return this.seriesOf(this.agents, agent, this.config.maxSamples);
  }

  private seriesOf<T>(map: Map<string, TimedSeries<T>>, key: string, max: number): TimedSeries<T> {
    let s = map.get(key);
    if (!s) map.set(key, (s = new TimedSeries<T>(max)));
    return s;
  }
}

function addIfNumber(series: TimedSeries<number>, ts: number, v: unknown): void {
  const n = num(v);
  if (n !== undefined) series.add(ts, n);
}
