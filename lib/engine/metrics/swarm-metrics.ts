// Rolling live figures of one swarm: events/s and mean task latency over a short window, totals, active agents,
// latest queue and token usage.
import { taskOutcome } from "../detection/event-readers";
import type { EngineEvent, MetricsTick } from "../model/types";

/** Window over which events/s is averaged. */
export const RATE_WINDOW_MS = 5_000;
/** An agent counts as active when it sent an event within this window. */
export const ACTIVE_AGENT_WINDOW_MS = 60_000;

const num = (v: unknown): number | undefined => (typeof v === "number" && Number.isFinite(v) ? v : undefined);
const obj = (v: unknown): Record<string, unknown> | undefined =>
  v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

/** Bounded per-swarm counters fed by ingest (arrival time) and read by the 1 Hz tick. */
export class SwarmMetrics {
  private seconds = new Map<number, number>();
  /** Per arrival second: summed durations and count of finished tasks that carried one. */
  private durations = new Map<number, { sum: number; n: number }>();
  private agents = new Map<string, number>();
  private total = 0;
  private queueDepth: number | null = null;
  private tokenUsage: number | null = null;

  constructor(readonly swarm: string) {}

  /** Sets the total counted before this process started (from storage). */
  seedTotal(n: number): void {
    this.total += n;
  }

  /** Records events that arrived at `now`. */
  record(events: EngineEvent[], now: number): void {
    const sec = Math.floor(now / 1000);
    this.seconds.set(sec, (this.seconds.get(sec) ?? 0) + events.length);
    this.total += events.length;
    for (const e of events) {
      if (e.agentId) this.agents.set(e.agentId, now);
      this.observeGauges(e);
      const ms = taskOutcome(e)?.durationMs;
      if (ms !== undefined && ms !== null) {
        const d = this.durations.get(sec) ?? { sum: 0, n: 0 };
        this.durations.set(sec, { sum: d.sum + ms, n: d.n + 1 });
      }
    }
  }

  private observeGauges(e: EngineEvent): void {
    const meta = obj(e.data.metadata);
    if (!meta) return;
    if (e.type === "queue_metric" || e.type === "resource_metric") {
      this.queueDepth = num(meta.queue_depth) ?? this.queueDepth;
      this.tokenUsage = num(meta.token_usage_percent) ?? this.tokenUsage;
    } else if (e.type === "resource_snapshot") {
      this.queueDepth = num(obj(meta.queue)?.pending_tasks) ?? this.queueDepth;
      const tokens = obj(meta.tokens);
      const budget = num(tokens?.total_budget);
      const used = num(tokens?.consumed);
      if (budget && used !== undefined) this.tokenUsage = (used / budget) * 100;
    }
  }

  /** The figures at `now`, dropping state that fell out of every window. */
  tick(now: number): Omit<MetricsTick, "stale" | "last_event_at"> {
    const from = Math.floor((now - RATE_WINDOW_MS) / 1000);
    let inWindow = 0;
    for (const [sec, n] of this.seconds) {
      if (sec <= from) this.seconds.delete(sec);
      else inWindow += n;
    }
    let durationSum = 0;
    let timed = 0;
    for (const [sec, d] of this.durations) {
      if (sec <= from) this.durations.delete(sec);
      else [durationSum, timed] = [durationSum + d.sum, timed + d.n];
    }
    for (const [agent, seen] of this.agents) if (seen < now - ACTIVE_AGENT_WINDOW_MS) this.agents.delete(agent);
    return {
      swarm: this.swarm,
      at: now,
      events_per_s: Math.round((inWindow / (RATE_WINDOW_MS / 1000)) * 10) / 10,
      events_total: this.total,
      active_agents: this.agents.size,
      queue_depth: this.queueDepth,
      token_usage: this.tokenUsage === null ? null : Math.round(this.tokenUsage * 10) / 10,
      health_score: null,
      health: null,
      latency_ms: timed > 0 ? Math.round(durationSum / timed) : null,
    };
  }
}
