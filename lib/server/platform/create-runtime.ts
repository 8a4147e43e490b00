// Builds the process runtime on an open database: engine (a swarm's seeded from storage when it is taken over), key verifier, rollups.
import { randomUUID } from "node:crypto";
import { ClusterNode } from "../cluster/cluster-node";
import { CommandSignal } from "../commands/command-signal";
import { WebhookBreakers } from "../commands/webhook-breakers";
import { IngestKeyVerifier } from "../auth/ingest-keys";
import { RollupBuffer } from "../db/rollup-buffer";
import { IngestBatcher } from "../ingest/ingest-batcher";
import type { OpenDatabase } from "./open-database";
import { type Clock, systemClock } from "../../engine/clock";
import { createEngine } from "../../engine/engine";
import { env, publicUrl } from "./env";
import { componentLogger } from "./logger";
import type { Runtime } from "./runtime";
import { applyStoredSettings } from "../features/settings/settings-store";
import { preparePartitions } from "../db/partition-upkeep";
import { DEFAULT_RATE_LIMITS, RateLimits } from "./rate-limits";
import { seedEngine } from "../cluster/seed-engine";
import { ServerMetrics } from "./server-metrics";
import pkg from "../../../package.json" with { type: "json" };

/** Creates the runtime (does not install it globally; see setRuntime). */
export async function createRuntime(database: OpenDatabase, clock: Clock = systemClock): Promise<Runtime> {
  await preparePartitions(database, clock.now());
  const engine = createEngine({ clock, newId: randomUUID });
  // No swarm's engine is built at boot: each is built on the instance that takes the swarm over (`prepare`), and only there.
  const settingsLog = componentLogger("settings");
  const applySettings = (swarm: string) => applyStoredSettings(database.db, engine, settingsLog, swarm);
  const prepare = async (swarm: string) => {
    await seedEngine(database.pool, engine, swarm);
    await applySettings(swarm);
  };
  return {
    pool: database.pool,
    db: database.db,
    auth: database.auth,
    pepper: database.pepper,
    engine,
    ingestKeys: new IngestKeyVerifier(database.pool, database.pepper),
    rollups: new RollupBuffer(database.pool),
    ingest: new IngestBatcher(database.pool),
    version: pkg.version,
    publicUrl: publicUrl(),
    accepting: true,
    metrics: new ServerMetrics(database.pool),
    limits: new RateLimits({ ...DEFAULT_RATE_LIMITS, ingestEventsPerS: env().INGEST_MAX_EVENTS_PER_S, ingestBytesPerS: env().INGEST_MAX_BYTES_PER_S }),
    commandSignal: new CommandSignal(),
    webhookBreakers: new WebhookBreakers(),
    cluster: new ClusterNode({ url: database.target.url, pool: database.pool, db: database.db, engine, log: componentLogger("cluster"), prepare, applySettings }),
  };
}
