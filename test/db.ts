// Test databases on a real Postgres: DATABASE_URL's server when set, else an embedded one under .data/test.
// A migrated template is made once per run; each test file gets its own database cloned from it.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { withDatabase } from "../lib/db/connection";
import { startEmbeddedPostgres } from "../lib/db/embedded-postgres";
import { migrate } from "../lib/db/migrate";

/** Prefix of every database the tests create (so a run can clean up after itself). */
export const TEST_DB_PREFIX = "sm_test_";

/** URL of a maintenance database on the test server (starting the embedded one when needed). */
export async function testServerUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const embedded = await startEmbeddedPostgres(".data/test", 54339, () => undefined);
  return embedded.url;
}

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates and migrates a template database; returns its name. */
export async function createTemplate(serverUrl: string): Promise<string> {
  const name = `${TEST_DB_PREFIX}tpl_${randomBytes(4).toString("hex")}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  await migrate(withDatabase(serverUrl, name));
  return name;
}

/** Clones the template into a fresh database; returns its URL. */
export async function cloneDatabase(serverUrl: string, template: string): Promise<string> {
  const name = `${TEST_DB_PREFIX}${randomBytes(6).toString("hex")}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return withDatabase(serverUrl, name);
}

/** Drops every database this run created (and leftovers of crashed runs). */
export async function dropTestDatabases(serverUrl: string): Promise<void> {
  await admin(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${TEST_DB_PREFIX}%`]);
    for (const r of rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  });
}
