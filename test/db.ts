// Test databases on a real Postgres: DATABASE_URL's server when set, else an embedded one under .data/test.
// A migrated template is made once per run; each test file gets its own database cloned from it.
import { randomBytes } from "node:crypto";
import { withClient, withDatabase } from "../lib/server/db/connection";
import { startEmbeddedPostgres } from "../lib/server/db/embedded-postgres";
import { migrate } from "../lib/server/db/migrate";

/** Prefix of every database the tests create (so a run can clean up after itself). */
export const TEST_DB_PREFIX = "sm_test_";

/** URL of a maintenance database on the test server (starting the embedded one when needed). */
export async function testServerUrl(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const embedded = await startEmbeddedPostgres(".data/test", 54339, () => undefined);
  return embedded.url;
}

/** Creates and migrates a template database named after this process (`sm_test_<pid>_tpl`); returns its name. */
export async function createTemplate(serverUrl: string): Promise<string> {
  const name = `${TEST_DB_PREFIX}${process.pid}_tpl`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}"`));
  await migrate(withDatabase(serverUrl, name));
  return name;
}

/** Clones the template into a fresh database of the same run (`sm_test_<pid>_<hex>`); returns its URL. */
export async function cloneDatabase(serverUrl: string, template: string): Promise<string> {
  const name = `${template.replace(/tpl$/, "")}${randomBytes(6).toString("hex")}`;
  await withClient(serverUrl, (c) => c.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  return withDatabase(serverUrl, name);
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Drops the databases of this run (`pid`) and those of runs whose process is gone; concurrent runs are left alone. */
export async function dropTestDatabases(serverUrl: string, pid = process.pid): Promise<void> {
  await withClient(serverUrl, async (c) => {
    const { rows } = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE $1", [`${TEST_DB_PREFIX}%`]);
    for (const { datname } of rows) {
      const owner = Number(/^sm_test_(\d+)_/.exec(datname)?.[1]);
      if (owner === pid || !Number.isInteger(owner) || !processAlive(owner))
        await c.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    }
  });
}
