// Opens the database for the server and the CLI alike: resolve (DATABASE_URL or embedded), migrate,
// pool, Prisma, secrets, auth.
import type pg from "pg";
import { createAuth, type Auth } from "../auth/auth";
import { env, publicUrl } from "../platform/env";
import { resolveDatabase, type DatabaseTarget } from "../db/connection";
import { migrate } from "../db/migrate";
import { createPool } from "../db/pool";
import { createPrisma, type Db } from "../db/prisma";
import { loadSecrets } from "../db/secrets";

/** An open database with everything built on it. */
export type OpenDatabase = {
  target: DatabaseTarget;
  pool: pg.Pool;
  db: Db;
  pepper: string;
  auth: Auth;
  migrationsApplied: string[];
  /** Closes Prisma and the pool, then stops the embedded Postgres when `stopEmbedded`. */
  close: (stopEmbedded: boolean) => Promise<void>;
};

/** The browser origins better-auth accepts for the configured host and port. */
export function trustedOrigins(): string[] {
  const e = env();
  const origins = new Set([publicUrl(), `http://127.0.0.1:${e.PORT}`, `http://localhost:${e.PORT}`]);
  return [...origins];
}

/** Resolves (or takes `opts.url`), migrates and opens the database. */
export async function openDatabase(log: (msg: string) => void, opts: { poolSize?: number; url?: string } = {}): Promise<OpenDatabase> {
  const poolSize = opts.poolSize ?? 20;
  const target = opts.url ? { url: opts.url } : await resolveDatabase(log);
  const migrationsApplied = await migrate(target.url);
  const pool = createPool(target.url, poolSize);
  const db = createPrisma(pool);
  const secrets = await loadSecrets(pool, env().AUTH_SECRET);
  const auth = createAuth({ db, secret: secrets.authSecret, baseURL: publicUrl(), trustedOrigins: trustedOrigins() });
  return {
    target,
    pool,
    db,
    pepper: secrets.pepper,
    auth,
    migrationsApplied,
    close: async (stopEmbedded) => {
      await db.$disconnect().catch(() => undefined);
      await pool.end().catch(() => undefined);
      if (stopEmbedded && target.embedded) await target.embedded.stop();
    },
  };
}
