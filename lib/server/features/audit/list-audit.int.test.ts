// GET /audit against real Postgres: admin only, newest first, filters (swarm, actor, action prefix, time), cursor pages.
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET } from "@/app/api/v1/audit/route";
import { startTestApp, type TestApp } from "../../../../test/app";
import { callRoute, type Caller } from "../../../../test/call-route";

let app: TestApp;
let admin: Caller;
const T0 = Date.parse("2026-01-10T12:00:00Z");

beforeAll(async () => {
  app = await startTestApp();
  await app.ingestKey("audit-a");
  await app.ingestKey("audit-b");
  admin = { token: await app.token("admin") };
  const ids = Object.fromEntries((await app.db.swarm.findMany()).map((s) => [s.name, s.id]));
  const rows = Array.from({ length: 7 }, (_, i) => ({
    at: new Date(T0 + i * 60_000),
    actorType: "user",
    actorId: i % 2 ? "alice@test.local" : "bob@test.local",
    action: i < 4 ? "ingest_key.create" : "swarm.settings.update",
    target: `t-${i}`,
    result: "ok",
    swarmId: (i % 3 === 0 ? ids["audit-b"] : ids["audit-a"])!,
    detail: { n: i },
  }));
  await app.db.auditLog.createMany({ data: rows });
});
afterAll(() => app.close());

const list = (query: Record<string, string>, caller = admin) =>
  callRoute(app, GET, { caller, query: { from: String(T0 - 1), to: String(T0 + 3_600_000), ...query } });

it("401 without credentials, 403 below admin", async () => {
  expect((await list({}, null)).status).toBe(401);
  for (const role of ["viewer", "operator"] as const) expect((await list({}, { token: await app.token(role) })).status).toBe(403);
});

it("lists newest first with every column, and pages with a cursor without gaps or repeats", async () => {
  const first = await list({ limit: "3" });
  expect(first.status).toBe(200);
  expect(first.body.items[0]).toEqual({
    id: expect.any(String),
    at: new Date(T0 + 6 * 60_000).toISOString(),
    actor: "bob@test.local",
    actor_type: "user",
    action: "swarm.settings.update",
    target: "t-6",
    result: "ok",
    swarm: "audit-b",
    detail: { n: 6 },
  });
  const seen: string[] = first.body.items.map((i: { target: string }) => i.target);
  let cursor = first.body.next_cursor;
  while (cursor) {
    const page = await list({ limit: "3", cursor });
    seen.push(...page.body.items.map((i: { target: string }) => i.target));
    cursor = page.body.next_cursor;
  }
  expect(seen).toEqual(["t-6", "t-5", "t-4", "t-3", "t-2", "t-1", "t-0"]);
});

it("filters by swarm, actor (part, any case), action (exact or dotted prefix) and time", async () => {
  const targets = async (q: Record<string, string>) => (await list(q)).body.items.map((i: { target: string }) => i.target);
  expect(await targets({ swarm: "audit-b" })).toEqual(["t-6", "t-3", "t-0"]);
  expect(await targets({ actor: "ALICE" })).toEqual(["t-5", "t-3", "t-1"]);
  expect(await targets({ action: "ingest_key" })).toEqual(["t-3", "t-2", "t-1", "t-0"]);
  expect(await targets({ action: "swarm.settings.update" })).toEqual(["t-6", "t-5", "t-4"]);
  expect(await targets({ action: "swarm.settings.up" })).toEqual([]);
  expect(await targets({ from: String(T0 + 2 * 60_000), to: new Date(T0 + 4 * 60_000).toISOString() })).toEqual(["t-4", "t-3", "t-2"]);
  expect((await list({ swarm: "no-such-swarm" })).status).toBe(404);
  expect((await list({ cursor: "garbage" })).status).toBe(400);
  expect((await list({ from: String(T0 + 10), to: String(T0) })).status).toBe(400);
});
