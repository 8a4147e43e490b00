// Fresh databases for e2e servers (Playwright's webServer, and specs that run a server of their own): created on
// the test Postgres under E2E_DB_PREFIX, migrated, with users and ingest keys. The caller sets the server's
// environment first: lib/server/platform/env caches it on first use.
import { randomBytes } from "node:crypto";
import { E2E_DB_PREFIX } from "./e2e-env";

/** A user to create. */
export type SeedUser = { email: string; role: "admin" | "operator" | "viewer"; name: string };

/** What was seeded: the users' common password and an ingest key per swarm. */
export type Seeded = { password: string; ingestKeys: Map<string, string> };

/** Creates an empty database with a fresh `sm_e2e_` name on the server of `serverUrl`; returns its name and URL. */
export async function createE2EDatabase(serverUrl: string): Promise<{ database: string; url: string }> {
  const { withClient, withDatabase } = await import("../lib/server/db/connection");
  const database = `${E2E_DB_PREFIX}${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE ${c.escapeIdentifier(database)}`));
  return { database, url: withDatabase(serverUrl, database) };
}

/** Migrates the database at `url` and creates the users (one random password for all) and an ingest key per swarm. */
export async function seedE2EDatabase(url: string, users: SeedUser[], swarms: string[]): Promise<Seeded> {
  const { openDatabase } = await import("../lib/server/app/open-database");
  const { createUser } = await import("../lib/server/features/users/users");
  const { createIngestKey } = await import("../lib/server/auth/ingest-keys");
  const opened = await openDatabase(() => undefined, { url, poolSize: 2 }); // migrates
  try {
    const password = `e2e-${randomBytes(12).toString("base64url")}`;
    for (const u of users) await createUser(opened.auth, { ...u, password });
    const ingestKeys = new Map<string, string>();
    for (const swarm of swarms) ingestKeys.set(swarm, (await createIngestKey(opened.db, opened.pepper, swarm, "e2e")).key);
    return { password, ingestKeys };
  } finally {
    await opened.close(false);
  }
}
