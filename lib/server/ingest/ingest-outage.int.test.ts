// Storage outage: with Postgres down, ingest answers 503 + Retry-After and acknowledges nothing; it recovers
// as soon as Postgres is back. Uses its own embedded Postgres so stopping it disturbs no other test.
import fs from "node:fs";
import { afterAll, beforeAll, expect, it } from "vitest";
import { ensureDatabase, withDatabase } from "../db/connection";
import { type EmbeddedPostgres, startEmbeddedPostgres } from "../db/embedded-postgres";
import { migrate } from "../db/migrate";
import { startTestAppOn, type TestApp } from "../../../test/app";

const DIR = ".data/test-outage";
let pgServer: EmbeddedPostgres;
let app: TestApp;
let key: string;

beforeAll(async () => {
  fs.rmSync(DIR, { recursive: true, force: true });
  pgServer = await startEmbeddedPostgres(DIR, 54349, () => undefined);
  await ensureDatabase(pgServer.url, "outage");
  await migrate(withDatabase(pgServer.url, "outage"));
  app = await startTestAppOn(withDatabase(pgServer.url, "outage"));
  key = await app.ingestKey("outage");
}, 120_000);

afterAll(async () => {
  await app?.close();
  await pgServer?.stop();
});

const post = (id: string) =>
  fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify([{ id, type: "heartbeat", agent_id: "a", timestamp: Date.now() }]),
  });

it("503 with Retry-After while Postgres is down, then recovers without losing acknowledged events", async () => {
  expect((await post("before")).status).toBe(202);
  await pgServer.stop();
  const during = await post("during");
  expect(during.status).toBe(503);
  expect(Number(during.headers.get("retry-after"))).toBeGreaterThan(0);
  expect(during.headers.get("content-type")).toContain("application/problem+json");

  const health = await app.services.health.check();
  expect(health).toMatchObject({ status: "degraded", db: "unavailable" });

  pgServer = await startEmbeddedPostgres(DIR, pgServer.port, () => undefined);
  let after = await post("after");
  for (let i = 0; i < 50 && after.status === 503; i++) after = await post("after");
  expect(after.status).toBe(202);
  const { rows } = await app.pool.query<{ event_id: string }>("SELECT event_id FROM events ORDER BY event_id");
  expect(rows.map((r) => r.event_id)).toEqual(["after", "before"]);
}, 120_000);
