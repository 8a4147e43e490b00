// Integration-test harness: the real runtime and HTTP server (raw ingest, auth, socket.io; no Next build)
// on a fresh database cloned from the migrated template, listening on a random port.
import type { AddressInfo } from "node:net";
import { inject } from "vitest";
import { createAccessToken } from "../lib/server/auth/access-tokens";
import { createIngestKey } from "../lib/server/auth/ingest-keys";
import { createUser } from "../lib/server/features/users/users";
import type { Clock } from "../lib/engine/clock";
import { openDatabase, type OpenDatabase } from "../lib/server/platform/open-database";
import type { Role } from "../lib/generated/prisma/enums";
import { type Runtime, setRuntime } from "../lib/server/platform/runtime";
import { createHttpApp } from "../lib/server/platform/http-app";
import { createRuntime } from "../lib/server/platform/create-runtime";
import { cloneDatabase } from "./db";

/** A running test app. */
export type TestApp = {
  url: string;
  databaseUrl: string;
  rt: Runtime;
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

/** Clones a fresh database and starts the app on it (its engine on `clock`, default the system clock). */
export async function startTestApp(clock?: Clock): Promise<TestApp> {
  const databaseUrl = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  return startTestAppOn(databaseUrl, clock);
}

/** Starts the app on an existing database URL (its engine on `clock`, default the system clock). */
export async function startTestAppOn(databaseUrl: string, clock?: Clock): Promise<TestApp> {
  const database = await openDatabase(() => undefined, { url: databaseUrl, poolSize: 10 });
  const rt = await createRuntime(database, clock);
  setRuntime(rt);
  const { server, io, drainEngineOutputs } = createHttpApp(rt);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  let users = 0;
  return {
    url,
    databaseUrl,
    rt,
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
      const cookie = res.headers.getSetCookie().map((c) => c.split(";", 1)[0]).join("; ");
      return { cookie, email };
    },
    close: async () => {
      const closing = io.close();
      server.closeAllConnections();
      await closing;
      await drainEngineOutputs();
      await rt.cluster.stop();
      await rt.rollups.flush().catch(() => undefined);
      rt.webhookBreakers.shutdown();
      setRuntime(undefined);
      await database.close(false);
    },
  };
}
