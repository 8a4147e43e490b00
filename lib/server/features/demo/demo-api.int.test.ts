// Demo controls over the API: state for viewers, fault injection for admins only (audited), 409 when not running.
import { afterAll, beforeAll, expect, it } from "vitest";
import { POST as inject } from "@/app/api/v1/demo/faults/route";
import { GET as state } from "@/app/api/v1/demo/route";
import { startTestApp, type TestApp } from "../../../../test/app";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => {
  app.demo.stop();
  return app.close();
});

const post = async (role: "operator" | "admin", body: unknown) => {
  const res = await inject(
    new Request(`${app.url}/x`, {
      method: "POST",
      headers: { authorization: `Bearer ${await app.token(role)}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
  );
  return { status: res.status, body: await res.json() };
};

it("lists scenarios, injects faults for admins only, and refuses when the demo is not running", async () => {
  expect((await post("admin", { scenario: "agent_crash" })).status).toBe(409);
  await app.demo.start();
  expect((await post("operator", { scenario: "agent_crash" })).status).toBe(403);
  expect((await post("admin", { scenario: "nope" })).status).toBe(400);
  const created = await post("admin", { scenario: "queue_flood", duration_s: 30 });
  expect(created).toMatchObject({
    status: 201,
    body: { scenario: "queue_flood", started_at: expect.any(String), ends_at: expect.any(String) },
  });
  const res = await state(new Request(`${app.url}/x`, { headers: { authorization: `Bearer ${await app.token("viewer")}` } }));
  const body = await res.json();
  expect(body.running).toBe(true);
  expect(body.scenarios.map((s: { name: string }) => s.name)).toContain("agent_crash");
  expect(body.faults.map((f: { scenario: string }) => f.scenario)).toContain("queue_flood");
  expect(await app.db.auditLog.findMany({ where: { action: "demo.fault.inject" }, select: { result: true } })).toEqual([{ result: "ok" }]);
});
