// Server-wide secrets kept in the database so every instance shares them (created once, on first boot).
import { randomBytes } from "node:crypto";
import type pg from "pg";

/** The secrets every instance needs: better-auth's signing secret and the pepper for key/token hashes. */
export type ServerSecrets = { authSecret: string; pepper: string };

async function secret(pool: pg.Pool, key: string): Promise<string> {
  await pool.query("INSERT INTO app_secrets (key, value) VALUES ($1, $2) ON CONFLICT (key) DO NOTHING", [
    key,
    randomBytes(32).toString("base64url"),
  ]);
  const { rows } = await pool.query<{ value: string }>("SELECT value FROM app_secrets WHERE key = $1", [key]);
  return rows[0]!.value;
}

/** Loads (creating on first use) the server secrets; AUTH_SECRET from the environment wins when set. */
export async function loadSecrets(pool: pg.Pool, authSecretOverride?: string): Promise<ServerSecrets> {
  return {
    authSecret: authSecretOverride ?? (await secret(pool, "auth_secret")),
    pepper: await secret(pool, "credential_pepper"),
  };
}
