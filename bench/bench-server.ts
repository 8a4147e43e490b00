// The real app (composed services, raw ingest path, auth, socket.io, background jobs) without Next.js, for benchmarks and
// chaos tests: on DATABASE_URL, listening on 127.0.0.1:<argv[2] or 0>; prints "ready <port> <instance id>"; SIGTERM shuts it down
// in server.ts' order and exits 0.
import type { AddressInfo } from "node:net";
import { openDatabase } from "../lib/server/app/open-database";
import { env } from "../lib/server/platform/env";
import { componentLogger } from "../lib/server/platform/logger";
import { installServices } from "../lib/server/features/services";
import { startBackgroundJobs } from "../lib/server/app/background-jobs";
import { shutdownGracefully } from "../lib/server/app/graceful-shutdown";
import { createHttpApp } from "../lib/server/app/http-app";
import { createServices } from "../lib/server/app/create-services";

const url = env().DATABASE_URL;
if (!url) throw new Error("bench-server needs DATABASE_URL");
const log = componentLogger("bench-server");
const database = await openDatabase(() => undefined, { url });
const composition = await createServices(database);
installServices(composition.services);
const { server, io, drainEngineOutputs } = createHttpApp(composition);
const stopJobs = startBackgroundJobs(composition, log);
await new Promise<void>((resolve) => server.listen(Number(process.argv[2] ?? 0), "127.0.0.1", resolve));
process.stdout.write(`ready ${(server.address() as AddressInfo).port} ${composition.cluster.instanceId}\n`);

process.once("SIGTERM", () => {
  void shutdownGracefully({
    composition,
    server,
    io,
    stopJobs,
    drainEngineOutputs,
    log,
    closeDatabase: () => database.close(false),
  }).finally(() => {
    process.stdout.write("stopped\n");
    process.exit(0);
  });
});
