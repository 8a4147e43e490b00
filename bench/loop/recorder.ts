// What the user sees live: a socket.io client subscribed to swarms (as the browser's live-socket does), recording every
// engine output's arrival, each incident state and the health score; and the ground truth of injected faults, polled from GET /api/v1/demo.
import { io, type Socket } from "socket.io-client";
import type { ServerToClientEvents, SubscribeAck } from "../../lib/contract/socket";
import type { Api } from "./api";
import type { FaultTruth, HealthSample, IncidentUpdate, SocketRecord } from "./records";

const OUTPUT_EVENTS = [
  "bottleneck.detected",
  "bottleneck.updated",
  "bottleneck.resolved",
  "prediction.created",
  "prediction.updated",
  "failure.detected",
  "healing.started",
  "healing.finished",
  "command.updated",
  "incident.updated",
] as const satisfies readonly (keyof ServerToClientEvents)[];

/** A connected, authenticated socket. */
export async function connectSocket(url: string, token: string): Promise<Socket> {
  const s = io(url, { path: "/socket.io", transports: ["websocket"], auth: { token } });
  await new Promise<void>((resolve, reject) => {
    s.once("connect", () => resolve());
    s.once("connect_error", reject);
  });
  return s;
}

/** Joins `swarm`'s room; throws when refused. */
export async function subscribe(s: Socket, swarm: string): Promise<void> {
  const ack = (await s.emitWithAck("subscribe", { swarm })) as SubscribeAck;
  if (!ack.ok) throw new Error(`subscribe ${swarm}: ${ack.error}`);
}

/** Records `swarm`'s health score from every metrics.tick as it arrives. */
export function recordHealth(s: Socket, swarm: string): HealthSample[] {
  const health: HealthSample[] = [];
  s.on("metrics.tick", (t: { swarm: string; health_score: number | null }) => {
    if (t.swarm === swarm) health.push({ at: Date.now(), score: t.health_score });
  });
  return health;
}

/** Records `swarm`'s engine outputs, incident states and health scores as they arrive; `onOutput` sees each message. */
export function recordSwarm(s: Socket, swarm: string, onOutput: (event: string, item: Record<string, unknown>) => void = () => undefined) {
  const socket: SocketRecord[] = [];
  const incidents: IncidentUpdate[] = [];
  s.on("incident.updated", (i: { swarm: string; id: string; state: string; reason: string | null; updated_at: string }) => {
    if (i.swarm === swarm)
      incidents.push({ id: i.id, state: i.state, reason: i.reason, updatedAt: Date.parse(i.updated_at), at: Date.now() });
  });
  const health = recordHealth(s, swarm);
  for (const event of OUTPUT_EVENTS) {
    s.on(event, (item: Record<string, unknown>) => {
      if (item.swarm !== swarm) return;
      socket.push({ event, id: String(item.id), at: Date.now() });
      onOutput(event, item);
    });
  }
  // A reconnect may miss messages (the adapter cannot replay): re-join, and count it so the output says so.
  let reconnects = 0;
  s.io.on("reconnect", () => {
    reconnects++;
    void subscribe(s, swarm).catch(() => undefined);
  });
  return { socket, health, incidents, reconnects: () => reconnects };
}

type DemoState = {
  running: boolean;
  faults: { id: string; scenario: string; targets: string[]; started_at: string; ends_at: string | null }[];
};

/** Polls the demo's faults in effect every `everyMs`: each fault's first sighting and the last time it was still listed. */
export function watchFaults(api: Api, everyMs = 1_000) {
  const faults = new Map<string, FaultTruth>();
  let failedPolls = 0;
  const poll = async () => {
    const state = await api.get<DemoState>("/api/v1/demo").catch(() => null);
    if (!state) return void failedPolls++;
    const now = Date.now();
    for (const f of state.faults) {
      const known = faults.get(f.id);
      if (known) known.lastSeenAt = now;
      else
        faults.set(f.id, {
          id: f.id,
          scenario: f.scenario,
          targets: f.targets,
          startedAt: Date.parse(f.started_at),
          endsAt: f.ends_at ? Date.parse(f.ends_at) : null,
          lastSeenAt: now,
        });
    }
  };
  const timer = setInterval(() => void poll(), everyMs);
  return { faults: () => [...faults.values()], failedPolls: () => failedPolls, stop: () => clearInterval(timer) };
}
