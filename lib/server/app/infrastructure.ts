// The infrastructure container: what every part of the server may be built on and nothing domain-specific — the
// pool and Prisma, the logger, the clock, the configuration, and the process's metrics.
import type pg from "pg";
import type { Logger } from "pino";
import type { Clock } from "@/lib/engine";
import type { Db } from "../db/prisma";
import { env, type Env, publicUrl } from "../platform/env";
import { componentLogger } from "../platform/logger";
import { ServerMetrics } from "../platform/server-metrics";
import type { OpenDatabase } from "./open-database";
import pkg from "../../../package.json" with { type: "json" };

/** The server's configuration: environment, version, public URL, the database URL, and the credential pepper. */
export type AppConfig = { env: Env; version: string; publicUrl: string; databaseUrl: string; pepper: string };

/** Infrastructure only: services receive the parts they use from here. */
export type Infrastructure = {
  pool: pg.Pool;
  db: Db;
  /** A child logger per component. */
  log: (component: string) => Logger;
  clock: Clock;
  config: AppConfig;
  metrics: ServerMetrics;
};

/** The infrastructure on an open database, on `clock`. */
export function createInfrastructure(database: OpenDatabase, clock: Clock): Infrastructure {
  return {
    pool: database.pool,
    db: database.db,
    log: componentLogger,
    clock,
    config: { env: env(), version: pkg.version, publicUrl: publicUrl(), databaseUrl: database.target.url, pepper: database.pepper },
    metrics: new ServerMetrics(database.pool),
  };
}
