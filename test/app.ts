// Integration-test harness: the real composed services and HTTP server (raw ingest, auth, socket.io; no Next build)
// on a fresh database cloned from the migrated template, listening on a random port.
import type { AddressInfo } from "node:net";
import { inject } from "vitest";
import { createAccessToken } from "../lib/server/auth/access-tokens";
import { createIngestKey } from "../lib/server/auth/ingest-keys";
import { createUser } from "../lib/server/features/users/users";
import type { Clock } from "@/lib/engine";
import { openDatabase, type OpenDatabase } from "../lib/server/app/open-database";
import type { Role } from "../lib/generated/prisma/enums";
import { installServices } from "../lib/server/features/services";
import { createHttpApp } from "../lib/server/app/http-app";
import { type Composition, type CompositionOptions, createServices } from "../lib/server/app/create-services";
import { cloneDatabase } from "./db";

/** A running test app: the composition (infrastructure, systems, services) plus the test's handles. */
export type TestApp = Composition & {
  url: string;
  databaseUrl: string;
  database: OpenDatabase;
  /** Resolves once every engine output so far is stored (and published). */
  drainEngineOutputs: () => Promise<void>;
  /** Creates a swarm (if needed) and a new ingest key for it. */
  ingestKey: (swarm: string) => Promise<string>;
  /** Creates a personal access token with the role. */
  token: (role: Role) => Promise<string>;
  /** Creates a user and returns a session cookie for it. */
  signIn: (role: Role) => Promise<{ cookie: string; email: string }>;
  close: () => Promise<void>;
};

/** Clones a fresh database and starts the app on it (its engine on `clock`, default the system clock; `limits`
 * default to the environment's). */
export async function startTestApp(clock?: Clock, limits?: CompositionOptions["limits"]): Promise<TestApp> {
  const databaseUrl = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  return startTestAppOn(databaseUrl, clock, limits);
}

/** Starts the app on an existing database URL (its engine on `clock`, default the system clock). */
export async function startTestAppOn(databaseUrl: string, clock?: Clock, limits?: CompositionOptions["limits"]): Promise<TestApp> {
  const database = await openDatabase(() => undefined, { url: databaseUrl, poolSize: 10 });
  const composition = await createServices(database, { clock, limits });
  installServices(composition.services);
  const { server, io, drainEngineOutputs } = createHttpApp(composition);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let users = 0;
  const app: TestApp = {
    ...composition,
    url,
    databaseUrl,
    database,
    drainEngineOutputs,
    ingestKey: async (swarm) => (await createIngestKey(database.db, database.pepper, swarm)).key,
    token: async (role) => (await createAccessToken(database.db, database.pepper, role)).token,
    signIn: async (role) => {
      const email = `user${++users}-${role}@test.local`;
      await createUser(database.auth, { email, role, password: "correct-horse-1" });
      const res = await fetch(`${url}/api/auth/sign-in/email`, {
        method: "POST",
        headers: { "content-type": "application/json", origin: url },
        body: JSON.stringify({ email, password: "correct-horse-1" }),
      });
      if (!res.ok) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      const cookie = res.headers
        .getSetCookie()
        .map((c) => c.split(";", 1)[0])
        .join("; ");
      return { cookie, email };
    },
    close: async () => {
      const closing = io.close();
      server.closeAllConnections();
      await closing;
      await drainEngineOutputs();
      app.demo.stop();
      await app.cluster.stop();
      await app.rollups.flush().catch(() => undefined);
      app.webhookBreakers.shutdown();
      installServices(undefined);
      await database.close(false);
    },
  };
  return app;
}
