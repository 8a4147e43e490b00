// Typed socket.io contract shared by the server and the browser (docs/contract.md#live-channel).
import type { MetricsTick } from "../engine/types";
import type { bottleneckItem, commandItem, failureItem, healingItem, incidentItem, predictionItem } from "../server/features/items/items";

/** Ack of `subscribe`: the swarm's current figures, or why it was refused. */
export type SubscribeAck = { ok: true; snapshot: MetricsTick } | { ok: false; error: string };

type WithSwarm<T> = T & { swarm: string };

/** Events the server emits to a swarm's room (items shaped as in the HTTP API). */
export type ServerToClientEvents = {
  "metrics.tick": (tick: MetricsTick) => void;
  "bottleneck.detected": (b: WithSwarm<ReturnType<typeof bottleneckItem>>) => void;
  "bottleneck.updated": (b: WithSwarm<ReturnType<typeof bottleneckItem>>) => void;
  "bottleneck.resolved": (b: WithSwarm<ReturnType<typeof bottleneckItem>>) => void;
  "prediction.created": (p: WithSwarm<ReturnType<typeof predictionItem>>) => void;
  "prediction.updated": (p: WithSwarm<ReturnType<typeof predictionItem>>) => void;
  "failure.detected": (f: WithSwarm<ReturnType<typeof failureItem>>) => void;
  "healing.started": (h: WithSwarm<ReturnType<typeof healingItem>>) => void;
  "healing.finished": (h: WithSwarm<ReturnType<typeof healingItem>>) => void;
  "command.updated": (c: WithSwarm<ReturnType<typeof commandItem>>) => void;
  "incident.updated": (i: WithSwarm<ReturnType<typeof incidentItem>>) => void;
};

/** Events the browser emits. */
export type ClientToServerEvents = {
  subscribe: (req: { swarm: string }, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (req: { swarm: string }, ack?: (res: { ok: boolean }) => void) => void;
};

/** The room of one swarm. */
export const swarmRoom = (swarm: string) => `swarm:${swarm}`;
