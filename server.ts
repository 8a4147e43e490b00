// Swarm Medic server: one port for Next.js (App Router), the raw ingest path, better-auth and socket.io;
// boots the database (embedded Postgres when DATABASE_URL is unset), the engine, and shuts down gracefully.
import closeWithGrace from "close-with-grace";
import next from "next";
import { openDatabase } from "./lib/server/app/open-database";
import { env } from "./lib/server/platform/env";
import { componentLogger } from "./lib/server/platform/logger";
import { installServices } from "./lib/server/features/services";
import { startBackgroundJobs } from "./lib/server/app/background-jobs";
import { createServices } from "./lib/server/app/create-services";
import { ensureFirstAdmin } from "./lib/server/features/users/first-admin";
import { shutdownGracefully } from "./lib/server/app/graceful-shutdown";
import { createHttpApp } from "./lib/server/app/http-app";
import { demoEnabled } from "./lib/server/features/demo/demo-feed";

const log = componentLogger("server");
const e = env();

const database = await openDatabase((msg) => log.info(msg));
if (database.migrationsApplied.length) log.info({ applied: database.migrationsApplied }, "migrations applied");
const composition = await createServices(database);
installServices(composition.services);
const firstAdmin = await ensureFirstAdmin(database.db, database.auth);

const dev = e.NODE_ENV !== "production";
const app = next({ dev, hostname: e.HOST, port: e.PORT, dir: process.cwd() });
await app.prepare();
const { server, io, drainEngineOutputs } = createHttpApp(composition, {
  request: app.getRequestHandler(),
  upgrade: app.getUpgradeHandler(),
  dev,
});
const stopJobs = startBackgroundJobs(composition, log);
if (await demoEnabled(database.db, e.DEMO, componentLogger("demo"))) await composition.demo.runOnOwner();

await new Promise<void>((resolve) => server.listen(e.PORT, e.HOST, resolve));
const { publicUrl } = composition.config;
log.info({ url: publicUrl, database: database.target.embedded ? "embedded" : "DATABASE_URL" }, "Swarm Medic is listening");
process.stdout.write(`\n  Swarm Medic is running at ${publicUrl}\n`);
if (firstAdmin) {
  process.stdout.write(
    `\n  First start: an admin user was created. Sign in at ${publicUrl}/sign-in with\n` +
      `    email:    ${firstAdmin.email}\n    password: ${firstAdmin.password}\n` +
      `  (shown once; create more users with \`npx swarm-medic users create --email E --role admin\`)\n\n`,
  );
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, "fatal error, shutting down");
  log.info({ signal }, "shutting down");
  await shutdownGracefully({
    composition,
    server,
    io,
    stopJobs,
    drainEngineOutputs,
    log,
    closeNext: () => app.close(),
    closeDatabase: () => database.close(true),
  });
  log.info("stopped");
});
