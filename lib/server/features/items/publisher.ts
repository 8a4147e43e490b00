// Publishes stored engine outputs to the swarm's room, shaped exactly like the HTTP API's items.
import type { SinkEvent } from "../../live/engine-sink";
import type { EngineEventMap } from "@/lib/engine";
import { bottleneckItem, commandItem, failureItem, healingItem, incidentItem, predictionItem } from "./items";
import { swarmRoom } from "../../../contract/socket";
import type { RealtimeServer } from "../../live/server";

/** Emits one stored change to its swarm's room. */
export type Publisher = <K extends SinkEvent>(name: K, payload: EngineEventMap[K]) => void;

/** A publisher over the socket.io server. */
export function createPublisher(io: RealtimeServer): Publisher {
  return (name, payload) => {
    const room = io.to(swarmRoom(payload.swarm));
    const swarm = { swarm: payload.swarm };
    const p: unknown = payload;
    switch (name) {
      case "bottleneck.detected":
      case "bottleneck.updated":
      case "bottleneck.resolved":
        room.emit(name, { ...bottleneckItem((p as EngineEventMap["bottleneck.detected"]).bottleneck), ...swarm });
        break;
      case "prediction.created":
      case "prediction.updated":
        room.emit(name, { ...predictionItem((p as EngineEventMap["prediction.created"]).prediction), ...swarm });
        break;
      case "failure.detected":
        room.emit(name, { ...failureItem((p as EngineEventMap["failure.detected"]).failure), ...swarm });
        break;
      case "healing.started":
      case "healing.finished":
        room.emit(name, { ...healingItem((p as EngineEventMap["healing.started"]).healing), ...swarm });
        break;
      case "incident.updated":
        room.emit(name, { ...incidentItem((p as EngineEventMap["incident.updated"]).incident), ...swarm });
        break;
      case "command.updated":
        room.emit(name, { ...commandItem((p as EngineEventMap["command.updated"]).command), ...swarm });
        break;
      case "failure.resolved":
        // Not a socket event (docs/contract.md#live-channel): the browser learns it from the healing.finished that resolved it.
        break;
    }
  };
}

/** The process's publisher, which exists from construction: a no-op until socket.io is attached to it (the CLI and
 * storage-only tests run without a socket server), then every publish reaches the swarm's room. */
export class RoomPublisher {
  private emit: Publisher = () => undefined;

  /** Publishes through `io` from now on. */
  attach(io: RealtimeServer): void {
    this.emit = createPublisher(io);
  }

  /** Emits one stored change to its swarm's room (bound: pass it around freely). */
  readonly publish: Publisher = (name, payload) => this.emit(name, payload);
}
