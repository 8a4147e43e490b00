// Benchmark child process: the real app (runtime, raw ingest path, auth, socket.io, background jobs) without
// Next.js, on DATABASE_URL, listening on 127.0.0.1:<argv[2] or 0>; prints "ready <port>" and exits on SIGTERM.
import type { AddressInfo } from "node:net";
import { openDatabase } from "../lib/db/open-database";
import { env } from "../lib/env";
import { componentLogger } from "../lib/logger";
import { setRuntime } from "../lib/runtime";
import { startBackgroundJobs } from "../lib/server/background-jobs";
import { createHttpApp } from "../lib/server/http-app";
import { createRuntime } from "../lib/server/create-runtime";

const url = env().DATABASE_URL;
if (!url) throw new Error("bench-server needs DATABASE_URL");
const database = await openDatabase(() => undefined, { url });
const rt = await createRuntime(database);
setRuntime(rt);
const { server, io } = createHttpApp(rt);
const stopJobs = startBackgroundJobs(rt, componentLogger("bench-server"));
await new Promise<void>((resolve) => server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", resolve));
process.stdout.write(`ready ${(server.address() as AddressInfo).port}\n`);

// Same order as server.ts: stop accepting, close HTTP, drain the group-commit queue, flush rollups, close the pool.
process.once("SIGTERM", () => {
  rt.accepting = false;
  stopJobs();
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  void io
    .close()
    .then(() => closed)
    .then(() => rt.ingest.drain())
    .then(() => rt.rollups.flush().catch(() => undefined))
    .then(() => database.close(false))
    .finally(() => process.exit(0));
});
