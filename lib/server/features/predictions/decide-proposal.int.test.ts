// Approving and rejecting proposals: roles, first decision stands under concurrency (409), reasons, audit, CSRF.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as approve } from "@/app/api/v1/predictions/[id]/approve/route";
import { POST as reject } from "@/app/api/v1/predictions/[id]/reject/route";
import { startTestApp, type TestApp } from "../../../../test/app";
import { saveSettings } from "../settings/settings-store";
import { SETTINGS_DEFAULTS } from "../settings/swarm-settings";
import { actionHash } from "../items/action-hash";

let app: TestApp;
let swarmId: number;

beforeAll(async () => {
  app = await startTestApp();
  await app.ingestKey("proposal-swarm");
  swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "proposal-swarm" } })).id;
});
afterAll(() => app.close());

async function openProposal(status: "open" | "observed" = "open") {
  const now = Date.now();
  const p = await app.db.prediction.create({
    data: {
      id: randomUUID(),
      swarmId,
      failureType: "agent_down",
      agentId: "agent-7",
      confidence: 0.85,
      predictedAt: new Date(now),
      expectedAt: new Date(now + 30_000),
      reasoning: "heartbeat_failed pattern",
      recommendedAction: "restart_agent",
      source: "pattern",
      patternIndicators: ["heartbeat_failed"],
      status,
    },
  });
  return p.id;
}

const call = (handler: typeof approve, id: string, headers: Record<string, string>, body?: unknown) =>
  handler(
    new Request(`${app.url}/api/v1/predictions/${id}/x`, {
      method: "POST",
      headers: { "content-type": "application/json", ...headers },
      body: body === undefined ? null : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );

describe("approve / reject", () => {
  it("viewers may not decide; operators may, and the decision records who and why", async () => {
    const id = await openProposal();
    expect((await call(approve, id, { authorization: `Bearer ${await app.token("viewer")}` })).status).toBe(403);
    const { cookie, email } = await app.signIn("operator");
    const res = await call(approve, id, { cookie, origin: app.url, host: new URL(app.url).host }, { reason: "looks right" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id,
      status: "approved",
      decided_by: email,
      decision_reason: "looks right",
      decided_at: expect.any(String),
    });
    const log = await app.db.auditLog.findMany({ where: { target: `prediction:${id}` } });
    expect(log.map((l) => [l.action, l.result, l.actorId])).toEqual([["prediction.approve", "ok", email]]);
  });

  it("approve needs no body; reject needs a reason", async () => {
    const token = await app.token("operator");
    expect((await call(approve, await openProposal(), { authorization: `Bearer ${token}` })).status).toBe(200);
    const id = await openProposal();
    const missing = await call(reject, id, { authorization: `Bearer ${token}` }, {});
    expect(missing.status).toBe(400);
    const res = await call(reject, id, { authorization: `Bearer ${token}` }, { reason: "agent is being redeployed" });
    expect(await res.json()).toMatchObject({ status: "rejected", outcome: "rejected", decision_reason: "agent is being redeployed" });
  });

  it("the first decision stands under concurrent clicks; the others get 409 and are audited", async () => {
    const id = await openProposal();
    const tokens = await Promise.all(Array.from({ length: 6 }, () => app.token("operator")));
    const results = await Promise.all(
      tokens.map((t, i) =>
        i % 2 ? call(reject, id, { authorization: `Bearer ${t}` }, { reason: "no" }) : call(approve, id, { authorization: `Bearer ${t}` }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const log = await app.db.auditLog.findMany({ where: { target: `prediction:${id}` } });
    expect(log.filter((l) => l.result === "ok")).toHaveLength(1);
    expect(log.filter((l) => l.result === "conflict")).toHaveLength(5);
  });

  it("409 for predictions that are not open proposals, 404 for unknown ids", async () => {
    const token = await app.token("admin");
    expect((await call(approve, await openProposal("observed"), { authorization: `Bearer ${token}` })).status).toBe(409);
    expect((await call(approve, randomUUID(), { authorization: `Bearer ${token}` })).status).toBe(404);
    expect((await call(approve, "not-a-uuid", { authorization: `Bearer ${token}` })).status).toBe(404);
  });

  it("refuses cookie-authenticated decisions from another origin or Origin: null", async () => {
    const { cookie } = await app.signIn("admin");
    const id = await openProposal();
    for (const origin of ["https://evil.example", "null"]) {
      const res = await call(approve, id, { cookie, origin, host: new URL(app.url).host });
      expect(res.status).toBe(403);
    }
    expect((await app.db.prediction.findFirstOrThrow({ where: { id } })).status).toBe("open");
  });

  it("S3: an approval carrying the hash of what was shown is accepted; a different hash is refused and audited", async () => {
    const token = await app.token("operator");
    const id = await openProposal();
    const listed = await app.db.prediction.findFirstOrThrow({ where: { id } });
    const stale = actionHash({ ...listed, recommendedAction: "drain_agent" });
    const refused = await call(approve, id, { authorization: `Bearer ${token}` }, { action_hash: stale });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toMatchObject({ type: expect.stringContaining("action_changed") });
    expect((await app.db.prediction.findFirstOrThrow({ where: { id } })).status).toBe("open");
    const ok = await call(approve, id, { authorization: `Bearer ${token}` }, { action_hash: actionHash(listed) });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ status: "approved", action_hash: actionHash(listed) });
    const log = await app.db.auditLog.findMany({ where: { target: `prediction:${id}` }, orderBy: { id: "asc" } });
    expect(log.map((l) => l.result)).toEqual(["denied", "ok"]);
  });

  describe("S2: two-person approval for high-risk failure types", () => {
    beforeAll(() => saveSettings(app.db, swarmId, { ...SETTINGS_DEFAULTS, two_person_approval: ["agent_down"] }));
    afterAll(() => saveSettings(app.db, swarmId, SETTINGS_DEFAULTS));

    it("the first approval waits for a second, different approver; the same person cannot approve twice", async () => {
      const [a, b] = [await app.signIn("operator"), await app.signIn("operator")];
      const as = (who: typeof a) => ({ cookie: who.cookie, origin: app.url, host: new URL(app.url).host });
      const id = await openProposal();
      const first = await call(approve, id, as(a), { reason: "restart it" });
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ status: "open", first_approved_by: a.email, decided_by: null });
      const again = await call(approve, id, as(a));
      expect(again.status).toBe(403);
      expect((await app.db.prediction.findFirstOrThrow({ where: { id } })).status).toBe("open");
      const second = await call(approve, id, as(b), { reason: "agreed" });
      expect(second.status).toBe(200);
      expect(await second.json()).toMatchObject({ status: "approved", first_approved_by: a.email, decided_by: b.email });
      const log = await app.db.auditLog.findMany({ where: { target: `prediction:${id}` }, orderBy: { id: "asc" } });
      expect(log.map((l) => [l.result, l.actorId])).toEqual([
        ["ok", a.email],
        ["denied", a.email],
        ["ok", b.email],
      ]);
    });

    it("two different operators approving at once make exactly one first and one final approval", async () => {
      const [t1, t2] = [await app.token("operator"), await app.token("operator")];
      const id = await openProposal();
      const results = await Promise.all([t1, t2].map((t) => call(approve, id, { authorization: `Bearer ${t}` })));
      expect(results.map((r) => r.status)).toEqual([200, 200]);
      const row = await app.db.prediction.findFirstOrThrow({ where: { id } });
      expect(row.status).toBe("approved");
      expect(row.firstApprovedBy).not.toBe(row.decidedBy);
    });

    it("a failure type not marked high-risk still needs one approval", async () => {
      const now = Date.now();
      const p = await app.db.prediction.create({
        data: {
          id: randomUUID(),
          swarmId,
          failureType: "task_timeout",
          agentId: "agent-1",
          confidence: 0.9,
          predictedAt: new Date(now),
          expectedAt: new Date(now + 30_000),
          reasoning: "slow",
          recommendedAction: "retry_task",
          source: "health",
          patternIndicators: [],
          status: "open",
        },
      });
      const res = await call(approve, p.id, { authorization: `Bearer ${await app.token("operator")}` });
      expect(await res.json()).toMatchObject({ status: "approved", first_approved_by: null });
    });
  });
});
