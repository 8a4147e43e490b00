// The shared node-postgres pool: raw SQL on the hot paths and Prisma (through adapter-pg) use the same one.
// Postgres ends a transaction left idle for the ownership lease: a paused process (GC pause, SIGSTOP) in the middle of
// a fenced engine write would otherwise hold its row lock on swarm_owners and block the takeover for as long as it sleeps.
// JIT is off: this workload is short statements, and the ingest statement that claims keys after a duplicate is
// estimated costly enough (its hashed subplan) that Postgres spent ~400 ms compiling it on every execution.
import pg from "pg";
import { env } from "../platform/env";

/** Creates the process-wide pool for `url`. */
export function createPool(url: string, max = 20): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 5_000,
    keepAlive: true,
    idle_in_transaction_session_timeout: env().OWNER_LEASE_S * 1000,
    application_name: "swarm-medic",
    options: "-c jit=off",
  });
  // A dropped connection must not crash the process; the next query reconnects.
  pool.on("error", () => undefined);
  return pool;
}
