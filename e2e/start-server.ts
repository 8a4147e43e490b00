// Playwright's webServer: a fresh migrated database with a known admin, operator and viewer and an ingest key for `e2e-swarm`,
// credentials written to .data/e2e/fixtures.json, then the production server on it, built and started by
// scripts/start.mjs itself (in this process, so the server gets Playwright's SIGTERM directly and exactly once).
//
// The database lives on the test Postgres (DATABASE_URL's server when set, else the embedded one under
// .data/test); its name has its own prefix so that integration-test runs, which drop every `sm_test_*`
// database, never pull it from under a running e2e server. Databases of earlier e2e runs are dropped here.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { E2E_BASE_URL, E2E_DB_PREFIX, E2E_PORT, E2E_SWARM, FIXTURES_FILE, type E2EFixtures } from "./e2e-env";

const ADMIN_EMAIL = "e2e-admin@swarm-medic.local";

/** Drops the databases of earlier e2e runs that nothing is connected to any more (a running one is kept). */
async function dropStaleDatabases(serverUrl: string): Promise<void> {
  const { withClient } = await import("../lib/db/connection");
  await withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE starts_with(datname, $1)", [E2E_DB_PREFIX]);
    for (const r of rows) {
      await c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(r.datname)}`).catch((e: { code?: string }) => {
        if (e.code !== "55006") throw e; // 55006: still in use by another e2e server
      });
    }
  });
}

async function main(): Promise<void> {
  process.chdir(path.resolve(import.meta.dirname, ".."));
  // Everything below reads the configuration through lib/env, which caches it on first use: set it all first.
  const maintenanceUrl = process.env.DATABASE_URL;
  Object.assign(process.env, {
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(E2E_PORT),
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
    DEMO: "on", // the built-in demo swarm runs beside e2e-swarm (e2e/demo.spec.ts)
  });
  delete process.env.PUBLIC_URL;

  const { testServerUrl } = await import("../test/db");
  const { withClient, withDatabase } = await import("../lib/db/connection");
  const serverUrl = maintenanceUrl ?? (await testServerUrl());
  await dropStaleDatabases(serverUrl);
  const database = `${E2E_DB_PREFIX}${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`));
  process.env.DATABASE_URL = withDatabase(serverUrl, database);

  const { openDatabase } = await import("../lib/db/open-database");
  const { createUser } = await import("../lib/auth/users");
  const { createIngestKey } = await import("../lib/auth/ingest-keys");
  const opened = await openDatabase(() => undefined, { url: process.env.DATABASE_URL, poolSize: 2 }); // migrates
  let fixtures: E2EFixtures;
  try {
    const password = `e2e-${randomBytes(12).toString("base64url")}`;
    const admin = await createUser(opened.auth, { email: ADMIN_EMAIL, role: "admin", password, name: "E2E Admin" });
    const operator = await createUser(opened.auth, { email: "e2e-operator@swarm-medic.local", role: "operator", password, name: "E2E Operator" });
    const viewer = await createUser(opened.auth, { email: "e2e-viewer@swarm-medic.local", role: "viewer", password, name: "E2E Viewer" });
    const { key } = await createIngestKey(opened.db, opened.pepper, E2E_SWARM, "e2e");
    const spare = await createIngestKey(opened.db, opened.pepper, `${E2E_SWARM}-spare`, "e2e");
    fixtures = {
      baseURL: E2E_BASE_URL, database, admin: { email: admin.email, password }, operator: { email: operator.email, password }, viewer: { email: viewer.email, password },
      swarm: E2E_SWARM, ingestKey: key, spareSwarm: `${E2E_SWARM}-spare`, spareIngestKey: spare.key,
    };
  } finally {
    await opened.close(false);
  }
  const dir = path.dirname(FIXTURES_FILE);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (/^session-.*\.json$/.test(f)) fs.rmSync(path.join(dir, f)); // earlier databases' sessions
  fs.writeFileSync(FIXTURES_FILE, JSON.stringify(fixtures, null, 2) + "\n", { mode: 0o600 });
  process.stdout.write(`e2e: database ${database} seeded (${fixtures.admin.email}, ingest key for ${E2E_SWARM}); starting ${E2E_BASE_URL}\n`);

  // Exactly what `npm start` does: build when missing or stale, then run server.ts (which handles SIGTERM/SIGINT).
  await import(pathToFileURL(path.resolve("scripts/start.mjs")).href);
}

main().catch((err: unknown) => {
  process.stderr.write(`e2e: could not start the server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
