// The engine's composition root: createEngine(deps) takes committed events per swarm and publishes typed
// engine events. Framework-free (no next, react, socket.io or prisma); time comes only from deps.clock.
import type { Clock } from "./clock";
import { SwarmMetrics } from "./metrics/swarm-metrics";
import type { EngineEvent, EngineEventMap, MetricsTick } from "./types";

/** What the engine needs from the outside. */
export type EngineDeps = { clock: Clock };

type Listener<K extends keyof EngineEventMap> = (payload: EngineEventMap[K]) => void;

/** The engine's public surface. */
export type Engine = {
  /** Feeds events that were durably stored for `swarm` (never duplicates). */
  ingest(swarm: string, events: EngineEvent[]): void;
  /** Adds events stored before this process started to the swarm's total (called once per swarm). */
  seedTotal(swarm: string, total: number): void;
  /** Whether the engine has seen this swarm since boot. */
  knows(swarm: string): boolean;
  /** The current figures of a swarm. */
  snapshot(swarm: string): MetricsTick;
  /** Advances time-driven work: emits `metrics.tick` for every known swarm. */
  tick(): void;
  /** Subscribes to an engine event; returns the unsubscribe function. */
  on<K extends keyof EngineEventMap>(name: K, fn: Listener<K>): () => void;
};

/** Creates an engine instance. */
export function createEngine(deps: EngineDeps): Engine {
  const swarms = new Map<string, SwarmMetrics>();
  const listeners = new Map<keyof EngineEventMap, Set<(payload: never) => void>>();

  const metricsOf = (swarm: string) => {
    let m = swarms.get(swarm);
    if (!m) swarms.set(swarm, (m = new SwarmMetrics(swarm)));
    return m;
  };
  const emit = <K extends keyof EngineEventMap>(name: K, payload: EngineEventMap[K]) => {
    for (const fn of listeners.get(name) ?? []) (fn as Listener<K>)(payload);
  };

  return {
    ingest(swarm, events) {
      if (events.length > 0) metricsOf(swarm).record(events, deps.clock.now());
    },
    seedTotal(swarm, total) {
      metricsOf(swarm).seedTotal(total);
    },
    knows: (swarm) => swarms.has(swarm),
    snapshot: (swarm) => metricsOf(swarm).tick(deps.clock.now()),
    tick() {
      const now = deps.clock.now();
      for (const m of swarms.values()) emit("metrics.tick", m.tick(now));
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
