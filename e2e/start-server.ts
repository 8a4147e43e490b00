// Playwright's webServer: a fresh migrated database with a known admin, operator and viewer and an ingest key for `e2e-swarm`,
// credentials written to .data/e2e/fixtures.json, then the production server on it, built and started by
// scripts/start.mjs itself (in this process, so the server gets Playwright's SIGTERM directly and exactly once).
//
// The database lives on the test Postgres (DATABASE_URL's server when set, else the embedded one under
// .data/test); its name has its own prefix so that integration-test runs, which drop every `sm_test_*`
// database, never pull it from under a running e2e server. Databases of earlier e2e runs are dropped here.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { E2E_BASE_URL, E2E_DB_PREFIX, E2E_PORT, E2E_SWARM, FIXTURES_FILE, type E2EFixtures } from "./e2e-env";
import { createE2EDatabase, seedE2EDatabase, type SeedUser } from "./seed-database";

const USERS: SeedUser[] = [
  { email: "e2e-admin@swarm-medic.local", role: "admin", name: "E2E Admin" },
  { email: "e2e-operator@swarm-medic.local", role: "operator", name: "E2E Operator" },
  { email: "e2e-viewer@swarm-medic.local", role: "viewer", name: "E2E Viewer" },
];

/** Drops the databases of earlier e2e runs that nothing is connected to any more (a running one is kept). */
async function dropStaleDatabases(serverUrl: string): Promise<void> {
  const { withClient } = await import("../lib/server/db/connection");
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
  // Everything below reads the configuration through lib/server/platform/env, which caches it on first use: set it all first.
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
  const serverUrl = maintenanceUrl ?? (await testServerUrl());
  await dropStaleDatabases(serverUrl);
  const { database, url } = await createE2EDatabase(serverUrl);
  process.env.DATABASE_URL = url;

  const spareSwarm = `${E2E_SWARM}-spare`;
  const { password, ingestKeys } = await seedE2EDatabase(url, USERS, [E2E_SWARM, spareSwarm]);
  const as = (role: SeedUser["role"]) => ({ email: USERS.find((u) => u.role === role)!.email, password });
  const fixtures: E2EFixtures = {
    baseURL: E2E_BASE_URL,
    database,
    admin: as("admin"),
    operator: as("operator"),
    viewer: as("viewer"),
    swarm: E2E_SWARM,
    ingestKey: ingestKeys.get(E2E_SWARM)!,
    spareSwarm,
    spareIngestKey: ingestKeys.get(spareSwarm)!,
  };
  const dir = path.dirname(FIXTURES_FILE);
  fs.mkdirSync(dir, { recursive: true });
  for (const f of fs.readdirSync(dir)) if (/^session-.*\.json$/.test(f)) fs.rmSync(path.join(dir, f)); // earlier databases' sessions
  fs.writeFileSync(FIXTURES_FILE, JSON.stringify(fixtures, null, 2) + "\n", { mode: 0o600 });
  process.stdout.write(
    `e2e: database ${database} seeded (${fixtures.admin.email}, ingest key for ${E2E_SWARM}); starting ${E2E_BASE_URL}\n`,
  );

  // Exactly what `npm start` does: build what is missing or stale, then run the compiled server, dist/server.js (it handles SIGTERM/SIGINT).
  await import(pathToFileURL(path.resolve("scripts/start.mjs")).href);
}

main().catch((err: unknown) => {
  process.stderr.write(`e2e: could not start the server: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
