// `keys create`, `tokens create`, `users create`: the same database selection and code as the server.
import { z } from "zod";
import { createAccessToken } from "../lib/server/auth/access-tokens";
import { createIngestKey } from "../lib/server/auth/ingest-keys";
import { createUser } from "../lib/server/features/users/users";
import { openDatabase, type OpenDatabase } from "../lib/server/app/open-database";
import { swarmNameSchema } from "../lib/contract/swarm-name";
import { note, printResult } from "./output";

const role = z.enum(["viewer", "operator", "admin"], { error: "--role must be viewer, operator or admin" });

/** Opens the database (quietly), runs `fn`, closes it, stopping an embedded Postgres only if this command started it. */
async function withDatabase<T>(fn: (d: OpenDatabase) => Promise<T>): Promise<T> {
  const d = await openDatabase(note, { poolSize: 2 });
  try {
    return await fn(d);
  } finally {
    await d.close(d.target.embedded?.startedByUs ?? false);
  }
}

/** `keys create --swarm NAME [--name LABEL]`. */
export async function keysCreate(opts: { swarm?: string; name?: string; json: boolean }): Promise<void> {
  const swarm = swarmNameSchema.parse(opts.swarm);
  const r = await withDatabase((d) => createIngestKey(d.db, d.pepper, swarm, opts.name));
  printResult(opts.json, { swarm: r.swarm, key: r.key }, [`Ingest key for swarm "${r.swarm}" (shown once; store it now):`, r.key]);
}

/** `tokens create --role R [--name LABEL]`. */
export async function tokensCreate(opts: { role?: string; name?: string; json: boolean }): Promise<void> {
  const r = await withDatabase((d) => createAccessToken(d.db, d.pepper, role.parse(opts.role), opts.name));
  printResult(opts.json, { token: r.token, role: r.role, ...(opts.name ? { name: opts.name } : {}) }, [
    `Personal access token (${r.role}; shown once; use as "Authorization: Bearer <token>"):`,
    r.token,
  ]);
}

/** `users create --email E --role R [--password P]`. */
export async function usersCreate(opts: { email?: string; role?: string; password?: string; name?: string; json: boolean }): Promise<void> {
  const input = {
    email: z.email({ error: "--email must be an email address" }).parse(opts.email),
    role: role.parse(opts.role),
    password: opts.password,
    name: opts.name,
  };
  const u = await withDatabase((d) => createUser(d.auth, input));
  const generated = opts.password === undefined;
  printResult(opts.json, { id: u.id, email: u.email, role: u.role, ...(generated ? { password: u.password } : {}) }, [
    `Created ${u.role} ${u.email}.`,
    ...(generated ? [`Generated password (shown once): ${u.password}`] : []),
  ]);
}
