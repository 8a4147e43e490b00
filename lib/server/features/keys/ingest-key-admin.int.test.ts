// Ingest keys over the API: admin only, listed without hashes, shown once on creation, revoked at once, audited.
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/swarms/[swarm]/keys/route";
import { DELETE } from "@/app/api/v1/swarms/[swarm]/keys/[id]/route";
import { startTestApp, type TestApp } from "../../../../test/app";
import { callRoute, type Caller } from "../../../../test/call-route";

const SWARM = "keys-swarm";
let app: TestApp;
let admin: Caller;

beforeAll(async () => {
  app = await startTestApp();
  await app.ingestKey(SWARM);
  admin = { token: await app.token("admin") };
});
afterAll(() => app.close());

const ingest = (key: string) =>
  fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify([{ type: "heartbeat", agent_id: "a-1", timestamp: Date.now() }]),
  });

it("401 without credentials, 403 below admin, 404 for an unknown swarm", async () => {
  expect((await callRoute(app, GET, { caller: null, params: { swarm: SWARM } })).status).toBe(401);
  for (const role of ["viewer", "operator"] as const) {
    const caller = { token: await app.token(role) };
    expect((await callRoute(app, GET, { caller, params: { swarm: SWARM } })).status).toBe(403);
    expect((await callRoute(app, POST, { caller, method: "POST", body: {}, params: { swarm: SWARM } })).status).toBe(403);
    expect((await callRoute(app, DELETE, { caller, method: "DELETE", params: { swarm: SWARM, id: "1" } })).status).toBe(403);
  }
  expect((await callRoute(app, POST, { caller: admin, method: "POST", body: {}, params: { swarm: "no-such-swarm" } })).status).toBe(404);
});

it("creates a key shown once, lists it without its hash, and a revoked key is refused at once", async () => {
  const created = await callRoute(app, POST, { caller: admin, method: "POST", body: { name: "ci runner" }, params: { swarm: SWARM } });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    id: expect.any(Number),
    name: "ci runner",
    key: expect.stringMatching(/^smk_/),
    prefix: expect.any(String),
    revoked_at: null,
    last_used_at: null,
  });
  expect(created.body.key.startsWith(created.body.prefix)).toBe(true);
  const list = await callRoute(app, GET, { caller: admin, params: { swarm: SWARM } });
  expect(list.body[0]).toEqual({
    id: created.body.id,
    name: "ci runner",
    prefix: created.body.prefix,
    created_at: created.body.created_at,
    last_used_at: null,
    revoked_at: null,
  });
  expect(JSON.stringify(list.body)).not.toContain(created.body.key);
  expect(list.body.every((k: object) => !("hash" in k) && !("key" in k))).toBe(true);

  expect((await ingest(created.body.key)).status).toBe(202);
  expect((await ingest(created.body.key)).status).toBe(202); // now cached by the verifier
  const revoked = await callRoute(app, DELETE, { caller: admin, method: "DELETE", params: { swarm: SWARM, id: String(created.body.id) } });
  expect(revoked.status).toBe(200);
  expect(revoked.body.revoked_at).toEqual(expect.any(String));
  expect((await ingest(created.body.key)).status).toBe(401);
  expect(
    (await callRoute(app, DELETE, { caller: admin, method: "DELETE", params: { swarm: SWARM, id: String(created.body.id) } })).body
      .revoked_at,
  ).toBe(revoked.body.revoked_at);

  const log = await app.db.auditLog.findMany({ where: { target: `ingest_key:${created.body.id}` }, orderBy: { id: "asc" } });
  expect(log.map((l) => [l.action, l.result])).toEqual([
    ["ingest_key.create", "ok"],
    ["ingest_key.revoke", "ok"],
    ["ingest_key.revoke", "ok"],
  ]);
  expect(JSON.stringify(log.map((l) => l.detail))).not.toContain(created.body.key);
});

it("404 for a key of another swarm; 400 for a bad id or body", async () => {
  await app.ingestKey("other-swarm");
  const other = await app.db.ingestKey.findFirstOrThrow({ where: { swarm: { name: "other-swarm" } } });
  expect((await callRoute(app, DELETE, { caller: admin, method: "DELETE", params: { swarm: SWARM, id: String(other.id) } })).status).toBe(
    404,
  );
  expect((await callRoute(app, DELETE, { caller: admin, method: "DELETE", params: { swarm: SWARM, id: "abc" } })).status).toBe(400);
  expect((await callRoute(app, POST, { caller: admin, method: "POST", body: { name: "" }, params: { swarm: SWARM } })).status).toBe(400);
});
