// The ingest pipeline shared by the HTTP path and in-process producers (the demo swarm): validate all or
// nothing → durable group-committed insert → rollup counts → the swarm's engine owner (this instance's engine
// after commit, off the caller's path, or the owner elsewhere through Postgres).
import { ApiError } from "../http/errors";
import type { IngestIdentity } from "../auth/ingest-keys";
import type { IngestBatcher, StoreResult } from "./ingest-batcher";
import type { StoredEvent } from "./event-store";
import type { EngineEvent } from "@/lib/engine";
import type { ClusterNode } from "../cluster/cluster-node";
import type { RollupBuffer } from "../db/rollup-buffer";
import { validateBatch } from "./validate-batch";

function toEngineEvent(e: StoredEvent): EngineEvent {
  return { id: e.eventId, type: e.type, ts: e.ts, agentId: e.agentId, taskId: e.taskId, data: e.raw };
}

/** The ingest pipeline's parts: the group-committing store, the rollup counts, and the way to the engine owner. */
export type IngestPipeline = { batcher: IngestBatcher; rollups: RollupBuffer; cluster: Pick<ClusterNode, "delivered"> };

/** Validates and stores candidate events for a swarm; throws 400 (nothing stored) or 503; resolves after commit. */
export async function ingestBatch(
  { batcher, rollups, cluster }: IngestPipeline,
  identity: Pick<IngestIdentity, "swarmId" | "swarm">,
  items: unknown[],
  now: number,
): Promise<StoreResult> {
  const checked = validateBatch(items, now);
  if (!checked.ok)
    throw new ApiError(400, "invalid_events", "One or more events are invalid; nothing was stored.", { errors: checked.errors });
  const result = await batcher.submit(identity.swarmId, checked.events, now);
  rollups.add(identity.swarmId, now, { events: result.accepted });
  if (result.stored.length > 0) cluster.delivered(identity.swarmId, identity.swarm, result.tx, result.stored.map(toEngineEvent));
  return result;
}
