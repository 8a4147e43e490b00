// The ack of a socket's `subscribe`: the swarm's live figures as its engine owner sees them (the same on every
// instance), or why they could not be read (the socket stays in the room and gets the owner's next tick).
import type { SubscribeAck } from "../../contract/socket";
import { ApiError } from "../http/errors";
import { liveSnapshots, type OwnerReadDeps } from "../cluster/owner-reads";

/** The ack for a subscription to `swarm` (never throws). */
export async function subscribeAck(deps: OwnerReadDeps, swarm: string): Promise<SubscribeAck> {
  try {
    return { ok: true, snapshot: (await liveSnapshots(deps, [swarm])).get(swarm)! };
  } catch (err) {
    return { ok: false, error: err instanceof ApiError ? err.message : "live figures unavailable" };
  }
}
