// The real app (runtime, raw ingest path, auth, socket.io, background jobs) without Next.js, for benchmarks and
// chaos tests: on DATABASE_URL, listening on 127.0.0.1:<argv[2] or 0>; prints "ready <port> <instance id>"; SIGTERM shuts it down
// in server.ts' order and exits 0.
import type { AddressInfo } from "node:net";
import { openDatabase } from "../lib/server/platform/open-database";
import { env } from "../lib/server/platform/env";
import { componentLogger } from "../lib/server/platform/logger";
import { setRuntime } from "../lib/server/platform/runtime";
import { startBackgroundJobs } from "../lib/server/platform/background-jobs";
import { shutdownGracefully } from "../lib/server/platform/graceful-shutdown";
import { createHttpApp } from "../lib/server/platform/http-app";
import { createRuntime } from "../lib/server/platform/create-runtime";

const url = env().DATABASE_URL;
if (!url) throw new Error("bench-server needs DATABASE_URL");
const log = componentLogger("bench-server");
const database = await openDatabase(() => undefined, { url });
const rt = await createRuntime(database);
setRuntime(rt);
const { server, io, drainEngineOutputs } = createHttpApp(rt);
const stopJobs = startBackgroundJobs(rt, log);
await new Promise<void>((resolve) => server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", resolve));
process.stdout.write(`ready ${(server.address() as AddressInfo).port} ${rt.cluster.instanceId}\n`);

process.once("SIGTERM", () => {
  void shutdownGracefully({ rt, server, io, stopJobs, drainEngineOutputs, log, closeDatabase: () => database.close(false) }).finally(() => {
    process.stdout.write("stopped\n");
    process.exit(0);
  });
});
