// The bench's Postgres: DATABASE_URL's server (or the embedded one under .data/bench-loop when unset), a fresh
// database per run seeded with the credentials the bench uses, dropped afterwards.
import { randomBytes } from "node:crypto";
import { createAccessToken } from "../../lib/server/auth/access-tokens";
import { createIngestKey } from "../../lib/server/auth/ingest-keys";
import { withClient, withDatabase } from "../../lib/server/db/connection";
import { startEmbeddedPostgres } from "../../lib/server/db/embedded-postgres";
import { openDatabase } from "../../lib/server/app/open-database";

/** Swarm of the latency probe's failures. */
export const PROBE_SWARM = "loop-probe";
/** Swarm of the background ingest. */
const LOAD_SWARM = "loop-load";
/** A fault-free simulated swarm (an external agent system run by `swarm-medic simulate --scenario control`). */
export const CONTROL_SWARM = "loop-control";

/** A Postgres server to create run databases on, and how to let it go. */
export type PostgresServer = { url: string; embedded: boolean; stop: () => Promise<void> };

/** DATABASE_URL's server, or an embedded Postgres started for the bench. */
export async function postgresServer(): Promise<PostgresServer> {
  const url = process.env.DATABASE_URL;
  if (url) return { url, embedded: false, stop: async () => undefined };
  const pg = await startEmbeddedPostgres(".data/bench-loop", 54349, () => undefined);
  return { url: pg.url, embedded: true, stop: () => pg.stop() };
}

/** The credentials of a run: an admin token, two operator tokens (two-person approvals), the probe's, the load's and the control swarm's ingest keys. */
export type Credentials = { admin: string; operators: [string, string]; probeKey: string; loadKey: string; controlKey: string };

/** A run's database: its URL, its credentials, and how to drop it. */
export type RunDatabase = { url: string; name: string; credentials: Credentials; drop: () => Promise<void> };

/** Creates, migrates and seeds a fresh database `sm_loop_<label>_<hex>`. */
export async function createRunDatabase(serverUrl: string, label: string): Promise<RunDatabase> {
  const name = `sm_loop_${label}_${randomBytes(4).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(name)}`));
  const url = withDatabase(serverUrl, name);
  const opened = await openDatabase(() => undefined, { url, poolSize: 2 });
  try {
    const token = async (role: "admin" | "operator", who: string) => (await createAccessToken(opened.db, opened.pepper, role, who)).token;
    const credentials: Credentials = {
      admin: await token("admin", "bench-loop admin"),
      operators: [await token("operator", "bench-loop operator 1"), await token("operator", "bench-loop operator 2")],
      probeKey: (await createIngestKey(opened.db, opened.pepper, PROBE_SWARM, "bench-loop probe")).key,
      loadKey: (await createIngestKey(opened.db, opened.pepper, LOAD_SWARM, "bench-loop load")).key,
      controlKey: (await createIngestKey(opened.db, opened.pepper, CONTROL_SWARM, "bench-loop control")).key,
    };
    return {
      url,
      name,
      credentials,
      drop: () =>
        withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(name)} WITH (FORCE)`)).then(() => undefined),
    };
  } finally {
    await opened.close(false);
  }
}
