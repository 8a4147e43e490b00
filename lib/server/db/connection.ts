// Chooses the database: DATABASE_URL when set, else the embedded Postgres under DATA_DIR (started or adopted).
import pg from "pg";
import { env } from "../platform/env";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "./embedded-postgres";

const EMBEDDED_DB = "swarm_medic";

/** The database to use, and the embedded cluster behind it when there is one. */
export type DatabaseTarget = { url: string; embedded?: EmbeddedPostgres };

/** Runs `fn` with a short-lived client (maintenance work outside the pool), always closing it. */
export async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Creates `name` on the server of `adminUrl` when it does not exist yet. */
export async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  await withClient(adminUrl, async (client) => {
    try {
      const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}`);
    } catch (e) {
      if ((e as { code?: string }).code !== "42P04") throw e; // created concurrently
    }
  });
}

/** Replaces the database name in a Postgres URL. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/** Resolves DATABASE_URL, or starts the embedded Postgres and returns its URL. */
export async function resolveDatabase(log: (msg: string) => void): Promise<DatabaseTarget> {
  const e = env();
  if (e.DATABASE_URL) return { url: e.DATABASE_URL };
  const embedded = await startEmbeddedPostgres(e.DATA_DIR, e.EMBEDDED_PG_PORT, log);
  await ensureDatabase(embedded.url, EMBEDDED_DB);
  return { url: withDatabase(embedded.url, EMBEDDED_DB), embedded };
}
