// Swarm Medic server: one port for Next.js (App Router), the raw ingest path, better-auth and socket.io;
// boots the database (embedded Postgres when DATABASE_URL is unset), the engine, and shuts down gracefully.
import http from "node:http";
import closeWithGrace from "close-with-grace";
import { toNodeHandler } from "better-auth/node";
import next from "next";
import { IngestKeyVerifier } from "./lib/auth/ingest-keys";
import { EventCountRollup } from "./lib/db/event-count-rollup";
import { openDatabase } from "./lib/db/open-database";
import { ensurePartitions } from "./lib/db/partitions";
import { systemClock } from "./lib/engine/clock";
import { createEngine } from "./lib/engine/engine";
import { env, publicUrl } from "./lib/env";
import { handleIngest } from "./lib/ingest/http-ingest";
import { componentLogger } from "./lib/logger";
import { attachRealtime } from "./lib/realtime/server";
import { setRuntime, type Runtime } from "./lib/runtime";
import { startBackgroundJobs } from "./lib/server/background-jobs";
import { ensureFirstAdmin } from "./lib/server/first-admin";
import { seedEngine } from "./lib/server/seed-engine";
import pkg from "./package.json" with { type: "json" };

const log = componentLogger("server");
const e = env();

const database = await openDatabase((msg) => log.info(msg));
if (database.migrationsApplied.length) log.info({ applied: database.migrationsApplied }, "migrations applied");
await ensurePartitions(database.pool, Date.now());

const engine = createEngine({ clock: systemClock });
await seedEngine(database.pool, engine);
const rt: Runtime = {
  pool: database.pool,
  db: database.db,
  auth: database.auth,
  pepper: database.pepper,
  engine,
  ingestKeys: new IngestKeyVerifier(database.pool, database.pepper),
  eventCounts: new EventCountRollup(database.pool),
  version: pkg.version,
  publicUrl: publicUrl(),
  accepting: true,
};
setRuntime(rt);
const firstAdmin = await ensureFirstAdmin(database.db, database.auth);

const dev = e.NODE_ENV !== "production";
const app = next({ dev, hostname: e.HOST, port: e.PORT, dir: process.cwd() });
await app.prepare();
const nextHandler = app.getRequestHandler();
const nextUpgrade = app.getUpgradeHandler();
const authHandler = toNodeHandler(database.auth);

const server = http.createServer((req, res) => {
  const path = (req.url ?? "/").split("?", 1)[0]!;
  if (path === "/api/v1/events") void handleIngest(req, res, rt);
  else if (path.startsWith("/api/auth/")) void authHandler(req, res);
  else void nextHandler(req, res);
});
server.keepAliveTimeout = 65_000;
const io = attachRealtime(server, rt);
server.on("upgrade", (req, socket, head) => {
  if (!req.url?.startsWith("/socket.io")) void nextUpgrade(req, socket, head);
});
const stopJobs = startBackgroundJobs(rt, log);

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
  rt.accepting = false;
  stopJobs();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  await io.close();
  await closed;
  await rt.eventCounts.flush().catch((e2: Error) => log.warn({ err: e2.message }, "final rollup flush failed"));
  await app.close?.();
  await database.close(true);
  log.info("stopped");
});
