// The shutdown order shared by server.ts and the Next-less server (bench, chaos tests): stop taking new work,
// let in-flight requests finish, drain the group-commit queue and the engine's outputs (for a bounded time: a
// database that refuses writes must not hold the shutdown forever), flush rollups, then close Next.js and the database.
import type http from "node:http";
import type { Logger } from "pino";
import type { RealtimeServer } from "../live/server";
import type { Composition } from "./create-services";

const CONNECTION_GRACE_MS = 5_000;
/** How long the shutdown waits for engine outputs still being retried; the next owner replays the swarm's recent events. */
const ENGINE_OUTPUT_GRACE_MS = 5_000;

/** What a running server consists of, for shutting it down. */
export type RunningServer = {
  composition: Composition;
  server: http.Server;
  io: RealtimeServer;
  stopJobs: () => void;
  drainEngineOutputs: () => Promise<void>;
  closeDatabase: () => Promise<void>;
  closeNext?: () => Promise<void>;
  log: Logger;
};

/** Shuts the server down cleanly: nothing acknowledged is lost, new ingest gets 503 + Retry-After meanwhile. */
export async function shutdownGracefully(s: RunningServer): Promise<void> {
  const c = s.composition;
  c.gate.close();
  s.stopJobs();
  c.webhookBreakers.shutdown();
  c.demo.stop();
  const closed = new Promise<void>((resolve) => s.server.close(() => resolve()));
  s.server.closeIdleConnections();
  // In-flight requests get this long to finish before their connections are cut (the contract allows 10 s in all).
  const cut = setTimeout(() => s.server.closeAllConnections(), CONNECTION_GRACE_MS);
  await s.io.close();
  await closed;
  clearTimeout(cut);
  await c.batcher.drain();
  let waited: NodeJS.Timeout | undefined;
  const stored = await Promise.race([
    s.drainEngineOutputs().then(() => true),
    new Promise<false>((resolve) => (waited = setTimeout(() => resolve(false), ENGINE_OUTPUT_GRACE_MS))),
  ]);
  clearTimeout(waited);
  if (!stored)
    s.log.error(
      { waitedMs: ENGINE_OUTPUT_GRACE_MS },
      "shutting down with engine outputs not stored (see swarm_medic_engine_outputs_queued)",
    );
  await c.cluster.stop();
  await c.rollups.flush().catch((err: Error) => s.log.warn({ err: err.message }, "final rollup flush failed"));
  await s.closeNext?.();
  await s.closeDatabase();
}
