// Users over the API: admin only, generated password returned once, 409 on duplicates and against admin lock-out,
// disabling ends sessions, every change audited.
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET, POST } from "@/app/api/v1/users/route";
import { PATCH } from "@/app/api/v1/users/[id]/route";
import { GET as swarms } from "@/app/api/v1/swarms/route";
import { startTestApp, type TestApp } from "../../../../test/app";
import { callRoute, type Caller } from "../../../../test/call-route";

let app: TestApp;
let admin: Caller;

beforeAll(async () => {
  app = await startTestApp();
  admin = { token: await app.token("admin") };
});
afterAll(() => app.close());

const patch = (caller: Caller, id: string, body: unknown) => callRoute(app, PATCH, { caller, method: "PATCH", body, params: { id } });

it("401 without credentials, 403 below admin", async () => {
  expect((await callRoute(app, GET, { caller: null })).status).toBe(401);
  for (const role of ["viewer", "operator"] as const) {
    const caller = { token: await app.token(role) };
    expect((await callRoute(app, GET, { caller })).status).toBe(403);
    expect((await callRoute(app, POST, { caller, method: "POST", body: { email: "x@test.local", role: "viewer" } })).status).toBe(403);
    expect((await patch(caller, "any", { role: "admin" })).status).toBe(403);
  }
});

it("creates users (generated password once), lists them, 409 on a taken email, 400 on bad input", async () => {
  const created = await callRoute(app, POST, {
    caller: admin,
    method: "POST",
    body: { email: "New.Person@test.local", role: "operator", name: "New" },
  });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({
    email: "new.person@test.local",
    role: "operator",
    name: "New",
    disabled: false,
    password: expect.any(String),
  });
  const chosen = await callRoute(app, POST, {
    caller: admin,
    method: "POST",
    body: { email: "chosen@test.local", role: "viewer", password: "long-enough-1" },
  });
  expect(chosen.body.password).toBeUndefined();
  const list = await callRoute(app, GET, { caller: admin });
  expect(list.body.map((u: { email: string }) => u.email)).toEqual(expect.arrayContaining(["new.person@test.local", "chosen@test.local"]));
  expect(JSON.stringify(list.body)).not.toContain("password");
  expect(
    (await callRoute(app, POST, { caller: admin, method: "POST", body: { email: "new.person@test.local", role: "viewer" } })).status,
  ).toBe(409);
  const bad = await callRoute(app, POST, { caller: admin, method: "POST", body: { email: "nope", role: "root" } });
  expect(bad.status).toBe(400);
  expect(bad.body.errors.map((e: { path: string }) => e.path).sort()).toEqual(["email", "role"]);
  const log = await app.db.auditLog.findMany({ where: { action: "user.create" } });
  expect(log.map((l) => l.target).sort()).toEqual(["user:chosen@test.local", "user:new.person@test.local"]);
  expect(JSON.stringify(log.map((l) => l.detail))).not.toContain(created.body.password);
});

it("changes roles, disables (ending sessions), and refuses to demote or disable oneself or the last admin", async () => {
  const me = await app.signIn("admin");
  const meId = (await app.db.user.findUniqueOrThrow({ where: { email: me.email } })).id;
  expect((await patch({ cookie: me.cookie }, meId, { role: "operator" })).status).toBe(409);
  expect((await patch({ cookie: me.cookie }, meId, { disabled: true })).status).toBe(409);
  expect((await patch({ cookie: me.cookie }, meId, { role: "admin" })).status).toBe(200);

  const other = await app.signIn("viewer");
  const otherId = (await app.db.user.findUniqueOrThrow({ where: { email: other.email } })).id;
  const promoted = await patch({ cookie: me.cookie }, otherId, { role: "operator" });
  expect(promoted).toMatchObject({ status: 200, body: { role: "operator", disabled: false } });
  expect((await callRoute(app, swarms, { caller: { cookie: other.cookie } })).status).toBe(200);
  expect((await patch({ cookie: me.cookie }, otherId, { disabled: true })).body.disabled).toBe(true);
  expect((await callRoute(app, swarms, { caller: { cookie: other.cookie } })).status).toBe(401);

  // A token (not a user) demoting the only enabled admin would lock every person out.
  expect((await patch(admin, meId, { role: "viewer" })).status).toBe(409);
  expect((await patch(admin, "no-such-user", { role: "viewer" })).status).toBe(404);
  expect((await patch(admin, otherId, {})).status).toBe(400);

  const log = await app.db.auditLog.findMany({ where: { action: "user.update" }, orderBy: { id: "asc" } });
  expect(log.map((l) => l.result)).toEqual(["conflict", "conflict", "ok", "ok", "ok", "conflict"]);
  expect(log[3]?.detail).toEqual({ before: { role: "viewer", disabled: false }, after: { role: "operator", disabled: false } });
});
