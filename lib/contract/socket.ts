// Typed socket.io contract shared by the server and the browser (docs/contract.md#live-channel).
import type { BottleneckItem } from "./items/bottlenecks";
import type { FailureItem } from "./items/failures";
import type { CommandItem, HealingItem } from "./items/healings";
import type { IncidentItem } from "./items/incidents";
import type { MetricsTick } from "./items/metrics";
import type { PredictionItem } from "./items/predictions";

/** Ack of `subscribe`: the swarm's current figures, or why it was refused. */
export type SubscribeAck = { ok: true; snapshot: MetricsTick } | { ok: false; error: string };

type WithSwarm<T> = T & { swarm: string };

/** Events the server emits to a swarm's room (items shaped as in the HTTP API). */
export type ServerToClientEvents = {
  "metrics.tick": (tick: MetricsTick) => void;
  "bottleneck.detected": (b: WithSwarm<BottleneckItem>) => void;
  "bottleneck.updated": (b: WithSwarm<BottleneckItem>) => void;
  "bottleneck.resolved": (b: WithSwarm<BottleneckItem>) => void;
  "prediction.created": (p: WithSwarm<PredictionItem>) => void;
  "prediction.updated": (p: WithSwarm<PredictionItem>) => void;
  "failure.detected": (f: WithSwarm<FailureItem>) => void;
  "healing.started": (h: WithSwarm<HealingItem>) => void;
  "healing.finished": (h: WithSwarm<HealingItem>) => void;
  "command.updated": (c: WithSwarm<CommandItem>) => void;
  "incident.updated": (i: WithSwarm<IncidentItem>) => void;
};

/** Events the browser emits. */
export type ClientToServerEvents = {
  subscribe: (req: { swarm: string }, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (req: { swarm: string }, ack?: (res: { ok: boolean }) => void) => void;
};

/** The room of one swarm. */
export const swarmRoom = (swarm: string) => `swarm:${swarm}`;
