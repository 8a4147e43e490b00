// Typed socket.io contract shared by the server and the browser (contract §5).
import type { MetricsTick } from "../engine/types";

/** Ack of `subscribe`: the swarm's current figures, or why it was refused. */
export type SubscribeAck = { ok: true; snapshot: MetricsTick } | { ok: false; error: string };

/** Events the server emits to a swarm's room. */
export type ServerToClientEvents = {
  "metrics.tick": (tick: MetricsTick) => void;
};

/** Events the browser emits. */
export type ClientToServerEvents = {
  subscribe: (req: { swarm: string }, ack: (res: SubscribeAck) => void) => void;
  unsubscribe: (req: { swarm: string }, ack?: (res: { ok: boolean }) => void) => void;
};

/** The room of one swarm. */
export const swarmRoom = (swarm: string) => `swarm:${swarm}`;
