// The dead-man's switch of one swarm (docs/decisions.md#d30): learns each agent's cadence from its events, and on each tick detects the
// agents silent for k of their intervals as agent_down failures (one per silence episode, reset when the agent is heard
// from again), except agents that unregistered or are already down, and not while the whole swarm is stale.
import { type Cadence, learnedInterval, type LearnedInterval, newCadence, recordEvent } from "./agent-intervals";
import { DEFAULT_SILENCE_INTERVALS, silenceVerdict, swarmStale } from "./detection/silence";
import type { Failure } from "./healing";
import type { EngineEvent } from "./model/types";

/** Event types and failure types that report an agent down: they speak about the agent, not for it. */
const AGENT_DOWN = new Set(["agent_down", "agent_failed", "heartbeat_failed"]);
/** How long a silent or unregistered agent is remembered at least. */
const FORGET_AFTER_MS = 10 * 60_000;

type Entry = {
  cadence: Cadence;
  interval: LearnedInterval | null;
  /** When the agent was last heard from, on the engine's clock. */
  lastHeardAt: number;
  /** Event time of its agent_unregistered, while it stays unregistered. */
  unregisteredAt: number | null;
  /** An agent_down failure is open for it in this silence episode. */
  down: boolean;
  /** Set when this watch detected it as silent in this episode. */
  detected: SilenceInfo | null;
};

/** A silence-detected agent, for the agent table: since when it is silent, its interval, and when it was detected. */
export type SilenceInfo = { lastHeardAt: number; intervalMs: number; silentIntervals: number; detectedAt: number };

/** Whether the swarm is stale (docs/decisions.md#d30) and when it last sent anything, as the metrics tick shows them. */
export type Staleness = { stale: boolean; last_event_at: number | null };

/** Per-swarm silence detection, bounded to `maxAgents` agents. */
export class SilenceWatch {
  /** Intervals of silence that make an agent down (the swarm setting `silence_intervals`). */
  k = DEFAULT_SILENCE_INTERVALS;
  private readonly agents = new Map<string, Entry>();
  private lastEventAt: number | null = null;

  constructor(private readonly maxAgents = 10_000) {}

  /** Folds in an event that arrived at `now`: any event is the swarm speaking; an agent's own event is it being heard. */
  observe(e: EngineEvent, now: number): void {
    this.lastEventAt = Math.max(this.lastEventAt ?? now, now);
    if (!e.agentId || AGENT_DOWN.has(e.type)) return;
    let a = this.agents.get(e.agentId);
    if (!a) {
      if (this.agents.size >= this.maxAgents) this.evictOldest();
      this.agents.set(
        e.agentId,
        (a = { cadence: newCadence(), interval: null, lastHeardAt: now, unregisteredAt: null, down: false, detected: null }),
      );
    }
    if (a.unregisteredAt !== null && e.ts <= a.unregisteredAt) return;
    a.unregisteredAt = e.type === "agent_unregistered" ? e.ts : null;
    a.lastHeardAt = Math.max(a.lastHeardAt, now);
    a.down = false;
    a.detected = null;
    recordEvent(a.cadence, e.ts, e.type === "heartbeat");
    a.interval = learnedInterval(a.cadence);
  }

  /** A failure was detected: an agent_down one opens the agent's episode, so silence does not detect it again. */
  onFailure(f: Pick<Failure, "failureType" | "agentId">): void {
    const a = f.agentId === null ? undefined : this.agents.get(f.agentId);
    if (a && AGENT_DOWN.has(f.failureType)) a.down = true;
  }

  /** The agents found silent at `now`, as agent_down failures (each at most once per episode); forgets long-gone agents. */
  check(now: number, newId: () => string): Failure[] {
    const { stale } = this.staleness(now);
    const found: Failure[] = [];
    for (const [id, a] of this.agents) {
      if (now - a.lastHeardAt >= Math.max(FORGET_AFTER_MS, 2 * this.k * (a.interval?.intervalMs ?? 0))) {
        this.agents.delete(id);
        continue;
      }
      const verdict = silenceVerdict({
        now,
        lastHeardAt: a.lastHeardAt,
        intervalMs: a.interval?.intervalMs ?? null,
        k: this.k,
        unregistered: a.unregisteredAt !== null,
        alreadyDown: a.down,
        swarmLastEventAt: this.lastEventAt ?? a.lastHeardAt,
        swarmStale: stale,
      });
      if (verdict !== "silent" || !a.interval) continue;
      a.down = true;
      a.detected = { lastHeardAt: a.lastHeardAt, intervalMs: a.interval.intervalMs, silentIntervals: this.k, detectedAt: now };
      found.push(silenceFailure(newId(), id, a.detected, a.interval.source));
    }
    return found;
  }

  /** The swarm's staleness at `now`: nothing from it for k × the longest interval learned among its registered agents. */
  staleness(now: number): Staleness {
    let longest: number | null = null;
    for (const a of this.agents.values())
      if (a.interval && a.unregisteredAt === null) longest = Math.max(longest ?? 0, a.interval.intervalMs);
    return { stale: swarmStale(now, this.lastEventAt, longest, this.k), last_event_at: this.lastEventAt };
  }

  /** The agents detected as silent and not heard from since, by id. */
  silent(): ReadonlyMap<string, SilenceInfo> {
    const out = new Map<string, SilenceInfo>();
    for (const [id, a] of this.agents) if (a.detected) out.set(id, a.detected);
    return out;
  }

  private evictOldest(): void {
    let oldest: string | undefined;
    let t = Infinity;
    for (const [id, a] of this.agents) if (a.lastHeardAt < t) [oldest, t] = [id, a.lastHeardAt];
    if (oldest !== undefined) this.agents.delete(oldest);
  }
}

/** The agent_down failure of a silent agent (detected by Swarm Medic itself, not reported). */
function silenceFailure(id: string, agentId: string, s: SilenceInfo, source: LearnedInterval["source"]): Failure {
  return {
    id,
    failureType: "agent_down",
    agentId,
    taskId: null,
    severity: "high",
    context: {
      detection_source: "silence",
      last_seen_at: new Date(s.lastHeardAt).toISOString(),
      interval_ms: s.intervalMs,
      interval_source: source,
      silent_intervals: s.silentIntervals,
    },
    detectedAt: s.detectedAt,
    resolvedAt: null,
  };
}
