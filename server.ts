// Swarm Medic server: one port for Next.js (App Router), the raw ingest path, better-auth and socket.io;
// boots the database (embedded Postgres when DATABASE_URL is unset), the engine, and shuts down gracefully.
import closeWithGrace from "close-with-grace";
import next from "next";
import { openDatabase } from "./lib/server/platform/open-database";
import { env } from "./lib/server/platform/env";
import { componentLogger } from "./lib/server/platform/logger";
import { setRuntime } from "./lib/server/platform/runtime";
import { startBackgroundJobs } from "./lib/server/platform/background-jobs";
import { createRuntime } from "./lib/server/platform/create-runtime";
import { ensureFirstAdmin } from "./lib/server/features/users/first-admin";
import { shutdownGracefully } from "./lib/server/platform/graceful-shutdown";
import { createHttpApp } from "./lib/server/platform/http-app";
import { demoEnabled, runDemoOnOwner } from "./lib/server/features/demo/demo-feed";
import { systemClock } from "./lib/engine/clock";

const log = componentLogger("server");
const e = env();

const database = await openDatabase((msg) => log.info(msg));
if (database.migrationsApplied.length) log.info({ applied: database.migrationsApplied }, "migrations applied");
const rt = await createRuntime(database);
setRuntime(rt);
const firstAdmin = await ensureFirstAdmin(database.db, database.auth);

const dev = e.NODE_ENV !== "production";
const app = next({ dev, hostname: e.HOST, port: e.PORT, dir: process.cwd() });
await app.prepare();
const { server, io, drainEngineOutputs } = createHttpApp(rt, { request: app.getRequestHandler(), upgrade: app.getUpgradeHandler(), dev });
const stopJobs = startBackgroundJobs(rt, log);
if (await demoEnabled(database.db, e.DEMO, componentLogger("demo"))) await runDemoOnOwner(rt, systemClock, componentLogger("demo"));

await new Promise<void>((resolve) => server.listen(e.PORT, e.HOST, resolve));
log.info({ url: rt.publicUrl, database: database.target.embedded ? "embedded" : "DATABASE_URL" }, "Swarm Medic is listening");
process.stdout.write(`\n  Swarm Medic is running at ${rt.publicUrl}\n`);
if (firstAdmin) {
  process.stdout.write(
    `\n  First start: an admin user was created. Sign in at ${rt.publicUrl}/sign-in with\n` +
      `    email:    ${firstAdmin.email}\n    password: ${firstAdmin.password}\n` +
      `  (shown once; create more users with \`npx swarm-medic users create --email E --role admin\`)\n\n`,
  );
}

closeWithGrace({ delay: 10_000 }, async ({ signal, err }) => {
  if (err) log.error({ err }, "fatal error, shutting down");
  log.info({ signal }, "shutting down");
  await shutdownGracefully({ rt, server, io, stopJobs, drainEngineOutputs, log, closeNext: () => app.close(), closeDatabase: () => database.close(true) });
  log.info("stopped");
});
