// The engine's composition root: createEngine(deps) routes committed events to per-swarm engines (docs/decisions.md#d4) and
// publishes typed engine events. Framework-free (no next, react, socket.io or prisma); time comes only from
// deps.clock (docs/decisions.md#d1) and ids from deps.newId, so the same event log and clock always give the same outputs.
import type { AgentRoster } from "./agent-roster";
import type { Clock } from "./model/clock";
import type { CommandResult, CoordinatorPort, Failure, HealingCatalog, StrategyRegistry } from "./healing";
import type { Bottleneck, PerformanceReport } from "./detection";
import type { MeasuredPattern } from "./patterns";
import type { DecisionInput, Prediction } from "./prediction";
import type { SwarmConfig } from "./swarm-config";
import { SwarmEngine } from "./swarm-engine";
import type { EngineEvent, EngineEventMap, MetricsTick } from "./model/types";

/** What the engine needs from the outside: time, ids, and where healing commands go (default: ids only; storage
 * records every command from `command.updated` and the coordinator link delivers it). */
export type EngineDeps = {
  clock: Clock;
  newId: () => string;
  coordinator?: CoordinatorPort;
  /** The healing strategies of a swarm (the extension point; default: createDefaultRegistry()). Called once per swarm. */
  strategies?: (swarm: string) => StrategyRegistry;
};

type Listener<K extends keyof EngineEventMap> = (payload: EngineEventMap[K]) => void;

/** The engine's public surface. */
export type Engine = {
  /** Feeds events that were durably stored for `swarm` (never duplicates). */
  ingest(swarm: string, events: EngineEvent[]): void;
  /** Rebuilds a swarm's windows from events another engine already processed (a takeover): detection, learning and
   * prediction state only; no failure is detected, no healing starts and nothing is emitted. */
  warm(swarm: string, events: EngineEvent[]): void;
  /** Drops everything the engine holds for a swarm (it is now another instance's); its time mode stays. */
  forget(swarm: string): void;
  /** Adds events stored before this process started to the swarm's total (called once per swarm). */
  seedTotal(swarm: string, total: number): void;
  /** Whether the engine holds this swarm (it fed, warmed, seeded or configured it and has not forgotten it). */
  knows(swarm: string): boolean;
  /** The current figures of a swarm. Like every read (snapshot, bottlenecks, patterns, agents, performance,
   * healingCatalog), it never creates the swarm's engine: a swarm the engine does not hold reads as a new, empty one. */
  snapshot(swarm: string): MetricsTick;
  /** The swarm's active bottlenecks. */
  bottlenecks(swarm: string): Bottleneck[];
  /** The swarm's learned patterns, with the outcomes of their predictions. */
  patterns(swarm: string): MeasuredPattern[];
  /** The swarm's agents (state, results, heartbeat, p95, circuit) and its degradation level. */
  agents(swarm: string): AgentRoster;
  /** The swarm's performance summary over the last `rangeMs` (p95/p99, trends, active bottlenecks). */
  performance(swarm: string, rangeMs?: number): PerformanceReport;
  /** Tells the swarm's engine about an operator's decision on a proposal (recorded in storage first; `decision.proposal`
   * carries the stored proposal for an engine that no longer holds it). */
  decide(swarm: string, predictionId: string, decision: DecisionInput): void;
  /** Tells the swarm's engine about an operator's decision on a healing waiting for approval (recorded in storage first). */
  decideHealing(swarm: string, healingId: string, decision: DecisionInput): void;
  /** A running healing another engine started, taken over with the swarm: a failure it heals (e.g. re-detected from
   * events replayed after the previous owner's last recorded cursor) joins it instead of starting a second healing. */
  adoptHealing(swarm: string, healingId: string, failure: Failure): void;
  /** A taken-over healing ended: its failure may be healed again. */
  adoptedFinished(swarm: string, healingId: string): void;
  /** Open proposals the previous engine stored, taken over with the swarm: tracked, not proposed again. */
  adoptProposals(swarm: string, proposals: readonly Prediction[]): void;
  /** Tells the swarm's engine the result of a command it issued. */
  commandResult(swarm: string, commandId: string, result: CommandResult): void;
  /** Applies a swarm's settings live (policies, strategy chains, threshold, guardrails, target MTTR), keeping its state.
   * Throws on an unknown strategy name without changing anything. */
  configure(swarm: string, config: SwarmConfig): void;
  /** The strategies and failure types the swarm's healing can be configured with. */
  healingCatalog(swarm: string): HealingCatalog;
  /** Wall time (live) or event time (replay, docs/decisions.md#d1): in event time the swarm's clock follows event timestamps and
   * its 1 s ticks run as event time passes them, so a log replayed at full speed gives the real-time result. */
  setTimeMode(swarm: string, mode: "wall" | "event"): void;
  /** Advances time-driven work for every known swarm (or only those in `only`): detection, learning, `metrics.tick`. */
  tick(only?: ReadonlySet<string>): void;
  /** Subscribes to an engine event; returns the unsubscribe function. */
  on<K extends keyof EngineEventMap>(name: K, fn: Listener<K>): () => void;
};

/** Creates an engine instance. */
export function createEngine(deps: EngineDeps): Engine {
  const swarms = new Map<string, SwarmEngine>();
  const eventTime = new Map<string, { now: number; nextTick: number }>();
  const coordinator: CoordinatorPort = deps.coordinator ?? { issue: () => deps.newId() };
  const listeners = new Map<keyof EngineEventMap, Set<(payload: never) => void>>();

  const emit = <K extends keyof EngineEventMap>(name: K, payload: EngineEventMap[K]) => {
    for (const fn of listeners.get(name) ?? []) (fn as Listener<K>)(payload);
  };
  const newSwarm = (swarm: string) =>
    new SwarmEngine(swarm, { newId: deps.newId, emit, coordinator, now: deps.clock.now, registry: deps.strategies?.(swarm) });
  const swarmOf = (swarm: string) => {
    let s = swarms.get(swarm);
    if (!s) swarms.set(swarm, (s = newSwarm(swarm)));
    return s;
  };
  /** For reads: the swarm's engine, or a new, empty one that is not kept (a read never creates a swarm's engine). */
  const readOf = (swarm: string) => swarms.get(swarm) ?? newSwarm(swarm);

  const nowOf = (swarm: string) => eventTime.get(swarm)?.now || deps.clock.now();

  /** Feeds events on event time: ticks every second of event time that passes, then the event at its own time and a
   * detection pass (as a live swarm detects on each ingest). */
  const ingestOnEventTime = (s: SwarmEngine, t: { now: number; nextTick: number }, events: EngineEvent[]) => {
    for (const e of events) {
      if (t.nextTick === 0) t.nextTick = Math.floor(e.ts / 1000) * 1000 + 1000;
      while (t.nextTick <= e.ts) {
        emit("metrics.tick", s.tick(t.nextTick));
        t.nextTick += 1000;
      }
      t.now = Math.max(t.now, e.ts);
      s.ingest([e], t.now);
      s.detect(t.now);
    }
  };

  return {
    ingest(swarm, events) {
      if (events.length === 0) return;
      const t = eventTime.get(swarm);
      if (t) return ingestOnEventTime(swarmOf(swarm), t, events);
      // Wall time: detection runs on the events at once rather than at the next tick (a pass takes well under 1 ms).
      const s = swarmOf(swarm);
      const now = deps.clock.now();
      s.ingest(events, now);
      s.detect(now);
    },
    warm(swarm, events) {
      const s = swarmOf(swarm);
      for (const e of events) s.warm(e);
    },
    forget(swarm) {
      swarms.delete(swarm);
      if (eventTime.has(swarm)) eventTime.set(swarm, { now: 0, nextTick: 0 });
    },
    setTimeMode(swarm, mode) {
      if (mode === "event") eventTime.set(swarm, eventTime.get(swarm) ?? { now: 0, nextTick: 0 });
      else eventTime.delete(swarm);
    },
    seedTotal(swarm, total) {
      swarmOf(swarm).metrics.seedTotal(total);
    },
    knows: (swarm) => swarms.has(swarm),
    snapshot: (swarm) => readOf(swarm).snapshot(nowOf(swarm)),
    bottlenecks: (swarm) => swarms.get(swarm)?.detector.active() ?? [],
    patterns(swarm) {
      const s = swarms.get(swarm);
      const outcomes = s?.predictor.stats().pattern_accuracy ?? {};
      return (s?.learner.patterns() ?? []).map((p) => ({
        ...p,
        hits: outcomes[p.id]?.correct ?? 0,
        misses: outcomes[p.id]?.false_positive ?? 0,
      }));
    },
    agents: (swarm) => swarms.get(swarm)?.agents() ?? { agents: [], degradation: null },
    performance: (swarm, rangeMs) => readOf(swarm).detector.analyzePerformance(nowOf(swarm), rangeMs),
    decide: (swarm, predictionId, decision) => swarmOf(swarm).decide(predictionId, decision, nowOf(swarm)),
    decideHealing: (swarm, healingId, decision) => swarms.get(swarm)?.decideHealing(healingId, decision, nowOf(swarm)),
    adoptHealing: (swarm, healingId, failure) => swarmOf(swarm).adoptHealing(healingId, failure),
    adoptProposals: (swarm, proposals) => swarmOf(swarm).adoptProposals(proposals),
    adoptedFinished: (swarm, healingId) => swarms.get(swarm)?.adoptedFinished(healingId),
    commandResult: (swarm, commandId, result) => swarms.get(swarm)?.commandResult(commandId, result, nowOf(swarm)),
    configure: (swarm, config) => swarmOf(swarm).configure(config),
    healingCatalog: (swarm) => readOf(swarm).catalog(),
    tick(only) {
      const now = deps.clock.now();
      for (const [name, s] of swarms) if (!eventTime.has(name) && (!only || only.has(name))) emit("metrics.tick", s.tick(now));
    },
    on(name, fn) {
      let set = listeners.get(name);
      if (!set) listeners.set(name, (set = new Set()));
      const added = set;
      added.add(fn);
      return () => void added.delete(fn);
    },
  };
}
