// Child process of e2e/own-server.ts, run with the environment of the server it is for: creates and seeds a fresh
// database (an admin and an ingest key for the swarm named by argv[2]), prints it as one JSON line, then stays
// connected to it so that other runs' launchers (which drop the e2e databases nobody is connected to) leave it alone
// while its server is stopped. On SIGTERM or SIGINT, or when stdin closes because the spec's process is gone, it drops it.
import pg from "pg";
import { createE2EDatabase, seedE2EDatabase } from "./seed-database";

/** What the keeper prints once the database is ready. */
export type KeptDatabase = { database: string; url: string; admin: { email: string; password: string }; swarm: string; ingestKey: string };

const ADMIN_EMAIL = "e2e-admin@swarm-medic.local";

async function main(): Promise<void> {
  const swarm = process.argv[2];
  if (!swarm) throw new Error("usage: database-keeper.ts <swarm>");
  const { testServerUrl } = await import("../test/db");
  const { withClient } = await import("../lib/server/db/connection");
  const serverUrl = await testServerUrl();
  const { database, url } = await createE2EDatabase(serverUrl);
  const guard = new pg.Client({ connectionString: url });
  guard.on("error", (err) => process.stderr.write(`database-keeper: connection to ${database} lost: ${err.message}\n`));
  const drop = async () => {
    await guard.end().catch(() => undefined);
    await withClient(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${c.escapeIdentifier(database)} WITH (FORCE)`));
  };
  let dropping: Promise<void> | undefined;
  const finish = () => {
    dropping ??= drop().then(
      () => process.exit(0),
      (err: Error) => {
        process.stderr.write(`database-keeper: could not drop ${database}: ${err.message}\n`);
        process.exit(1);
      },
    );
  };
  process.on("SIGTERM", finish).on("SIGINT", finish);
  process.stdin.on("end", finish).resume();
  try {
    await guard.connect();
    const { password, ingestKeys } = await seedE2EDatabase(url, [{ email: ADMIN_EMAIL, role: "admin", name: "E2E Admin" }], [swarm]);
    const kept: KeptDatabase = { database, url, admin: { email: ADMIN_EMAIL, password }, swarm, ingestKey: ingestKeys.get(swarm)! };
    process.stdout.write(`${JSON.stringify(kept)}\n`);
  } catch (err) {
    await drop().catch(() => undefined);
    throw err;
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`database-keeper: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
