// The composition root: builds, once and in dependency order, the infrastructure, the systems below the features
// (engine seeded from storage, engine ownership, ingest, publisher, gate, …) and the feature services, each given
// exactly what it uses. Nothing is patched in afterwards: the publisher exists before socket.io (attached to it by
// http-app.ts), the ingest gate before the shutdown closes it, the demo swarm before it runs.
import { randomUUID } from "node:crypto";
import type { Auth } from "../auth/auth";
import { IngestKeyVerifier } from "../auth/ingest-keys";
import type { Credentials } from "../auth/principal";
import { ClusterNode } from "../cluster/cluster-node";
import type { OwnerReadDeps } from "../cluster/owner-reads";
import { seedEngine } from "../cluster/seed-engine";
import { CommandSignal } from "../commands/command-signal";
import { WebhookBreakers } from "../commands/webhook-breakers";
import { preparePartitions, type UpkeepDeps } from "../db/partition-upkeep";
import { RollupBuffer } from "../db/rollup-buffer";
import { AccessControl } from "../features/access/access-control";
import { AgentViews } from "../features/agents/agents";
import { SwarmAnalytics } from "../features/analytics/swarm-analytics";
import { AuditTrail } from "../features/audit/list-audit";
import { DemoApi } from "../features/demo/demo-api";
import { DemoSwarm } from "../features/demo/demo-feed";
import { EventLog } from "../features/events/list-events";
import { HealingDecisions } from "../features/healings/decide-healing";
import { HealthCheck } from "../features/health/health";
import { IngestKeyAdmin } from "../features/keys/ingest-key-admin";
import { ProposalDecisions } from "../features/predictions/decide-proposal";
import type { Services } from "../features/services";
import { loadRetentionRules } from "../features/settings/retention-rules";
import { SettingsService } from "../features/settings/settings-api";
import { applyStoredSettings } from "../features/settings/settings-store";
import { SwarmOverview } from "../features/swarms/list-swarms";
import { SwarmEngineReads } from "../features/swarms/swarm-engine-reads";
import { SwarmHistory } from "../features/swarms/swarm-lists";
import { UserAdmin } from "../features/users/user-admin";
import { WebhookSettings } from "../features/webhooks/webhook-settings";
import { DEFAULT_RATE_LIMITS, type RateLimitConfig, RateLimits } from "../http/rate-limits";
import { IngestBatcher } from "../ingest/ingest-batcher";
import { RoomPublisher } from "../features/items/publisher";
import { IngestGate } from "../platform/ingest-gate";
import { type Clock, systemClock, createEngine, type Engine } from "@/lib/engine";
import { createInfrastructure, type Infrastructure } from "./infrastructure";
import type { OpenDatabase } from "./open-database";

/** The composed server: infrastructure, the systems the features are built on, and the feature services. */
export type Composition = Infrastructure & {
  auth: Auth;
  credentials: Credentials;
  engine: Engine;
  /** Engine ownership across instances: which swarms this instance's engine runs, and the way to their owners. */
  cluster: ClusterNode;
  batcher: IngestBatcher;
  rollups: RollupBuffer;
  ingestKeys: IngestKeyVerifier;
  /** Request rate limits (ingest per key, decisions per user). */
  limits: RateLimits;
  /** Circuit breakers of the swarms' webhook targets. */
  webhookBreakers: WebhookBreakers;
  /** Wakes long-polling coordinators when commands are stored. */
  commandSignal: CommandSignal;
  publisher: RoomPublisher;
  /** The way to each swarm's engine owner for reads of live engine state (the same answer on every instance). */
  ownerReads: OwnerReadDeps;
  /** Whether new work is taken (closed by the graceful shutdown). */
  gate: IngestGate;
  /** The partition upkeep under the stored retention rules. */
  partitions: UpkeepDeps;
  demo: DemoSwarm;
  services: Services;
};

/** Options of the composition: the engine's clock, and the rate limits (default: the environment's). */
export type CompositionOptions = { clock?: Clock | undefined; limits?: RateLimitConfig | undefined };

/** Composes the server on an open database (does not install the services for routes; see installServices). */
export async function createServices(database: OpenDatabase, opts: CompositionOptions = {}): Promise<Composition> {
  const infra = createInfrastructure(database, opts.clock ?? systemClock);
  const { pool, db, clock, config, log } = infra;
  const partitions: UpkeepDeps = { pool, rules: () => loadRetentionRules(db) };
  await preparePartitions(partitions, clock.now());
  const engine = createEngine({ clock, newId: randomUUID });
  const settingsLog = log("settings");
  // No swarm's engine is built at boot: each is built on the instance that takes the swarm over (`prepare`), and only there.
  const applySettings = (swarm: string) => applyStoredSettings(db, engine, settingsLog, swarm);
  const prepare = async (swarm: string) => {
    await seedEngine(pool, engine, swarm);
    await applySettings(swarm);
  };
  const cluster = new ClusterNode({ url: config.databaseUrl, pool, db, engine, log: log("cluster"), prepare, applySettings });
  const ownerReads: OwnerReadDeps = { engine, cluster, pool, pepper: config.pepper };
  const credentials: Credentials = { auth: database.auth, tokens: { db, pepper: config.pepper } };
  const ingestKeys = new IngestKeyVerifier(pool, config.pepper);
  const batcher = new IngestBatcher(pool);
  const rollups = new RollupBuffer(pool);
  const limits = new RateLimits(
    opts.limits ?? {
      ...DEFAULT_RATE_LIMITS,
      ingestEventsPerS: config.env.INGEST_MAX_EVENTS_PER_S,
      ingestBytesPerS: config.env.INGEST_MAX_BYTES_PER_S,
    },
  );
  const publisher = new RoomPublisher();
  const publish = publisher.publish;
  const gate = new IngestGate();
  const demo = new DemoSwarm({ db, pool, batcher, rollups, cluster, gate, clock, log: log("demo") });
  const services: Services = {
    access: new AccessControl({ db, credentials, ingestKeys }),
    agents: new AgentViews({ ...ownerReads, db }),
    analytics: new SwarmAnalytics({ pool }),
    audit: new AuditTrail({ db }),
    demo: new DemoApi({ db, demo }),
    engine: new SwarmEngineReads(ownerReads),
    events: new EventLog({ pool }),
    health: new HealthCheck({ pool, gate, cluster, version: config.version }),
    healingDecisions: new HealingDecisions({ db, limits, cluster, publish }),
    history: new SwarmHistory({ db }),
    keys: new IngestKeyAdmin({ db, pepper: config.pepper, ingestKeys }),
    proposalDecisions: new ProposalDecisions({ db, limits, cluster, publish }),
    settings: new SettingsService({
      db,
      engine,
      cluster,
      preparePartitions: (now) => preparePartitions(partitions, now),
      log: settingsLog,
    }),
    swarms: new SwarmOverview({ ...ownerReads, db }),
    users: new UserAdmin({ db, auth: database.auth }),
    webhooks: new WebhookSettings({ db }),
  };
  return {
    ...infra,
    auth: database.auth,
    credentials,
    engine,
    cluster,
    batcher,
    rollups,
    ingestKeys,
    limits,
    webhookBreakers: new WebhookBreakers(),
    commandSignal: new CommandSignal(),
    publisher,
    ownerReads,
    gate,
    partitions,
    demo,
    services,
  };
}
