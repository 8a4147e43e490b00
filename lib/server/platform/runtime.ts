// The process-wide runtime (pool, Prisma, auth, engine, …) built once by server.ts and shared with
// Next.js route handlers and pages, which are bundled separately but run in the same process.
import type pg from "pg";
import type { Auth } from "../auth/auth";
import type { IngestKeyVerifier } from "../auth/ingest-keys";
import type { RollupBuffer } from "../db/rollup-buffer";
import type { IngestBatcher } from "../ingest/ingest-batcher";
import type { Db } from "../db/prisma";
import type { ClusterNode } from "../cluster/cluster-node";
import type { CommandSignal } from "../commands/command-signal";
import type { WebhookBreakers } from "../commands/webhook-breakers";
import type { Engine } from "../../engine/engine";
import type { Publisher } from "../live/publisher";
import type { RateLimits } from "./rate-limits";
import type { ServerMetrics } from "./server-metrics";
import type { DemoControl } from "../features/demo/demo-feed";

/** Everything a request handler may need. */
export type Runtime = {
  pool: pg.Pool;
  db: Db;
  auth: Auth;
  pepper: string;
  engine: Engine;
  ingestKeys: IngestKeyVerifier;
  rollups: RollupBuffer;
  ingest: IngestBatcher;
  version: string;
  publicUrl: string;
  /** False while shutting down: new ingest gets 503. */
  accepting: boolean;
  /** Prometheus metrics of this process (GET /metrics). */
  metrics: ServerMetrics;
  /** Request rate limits (ingest per key, decisions per user). */
  limits: RateLimits;
  /** Circuit breakers of the swarms' webhook targets. */
  webhookBreakers: WebhookBreakers;
  /** Wakes long-polling coordinators when commands are stored. */
  commandSignal: CommandSignal;
  /** Engine ownership across instances: which swarms this instance's engine runs, and the way to their owners. */
  cluster: ClusterNode;
  /** The built-in demo swarm, when it runs. */
  demo?: DemoControl | undefined;
  /** Emits a stored change to its swarm's socket room (set once socket.io is attached). */
  publish?: Publisher;
};

const KEY = Symbol.for("swarm-medic.runtime");
type Holder = { [KEY]?: Runtime | undefined };

/** Installs the runtime (server.ts, and integration tests). */
export function setRuntime(r: Runtime | undefined): void {
  (globalThis as Holder)[KEY] = r;
}

/** The runtime; throws when the server has not booted it (e.g. `next dev` without server.ts). */
export function getRuntime(): Runtime {
  const r = (globalThis as Holder)[KEY];
  if (!r) throw new Error("Swarm Medic runtime is not initialised: start the app with `npm start` (server.ts).");
  return r;
}
