// A detected failure under policy "approve" waits for an operator: approve → the engine runs the healing (its
// commands go out); reject → cancelled with who and why; the first decision stands; two-person approval applies;
// preventive healings are decided through their prediction. Through the real ingest path, engine and routes.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as approve } from "@/app/api/v1/healings/[id]/approve/route";
import { POST as reject } from "@/app/api/v1/healings/[id]/reject/route";
import { startTestApp, type TestApp } from "../../../../test/app";
import { componentLogger } from "../../platform/logger";
import { healingActionHash } from "../items/action-hash";
import { commandsOf } from "../../db/history-links";
import { applyStoredSettings, saveSettings } from "../settings/settings-store";
import { SETTINGS_DEFAULTS } from "../settings/swarm-settings";

const SWARM = "approve-heal";
let app: TestApp;
let key: string;
let swarmId: number;
let agents = 0;

async function useSettings(over: Partial<typeof SETTINGS_DEFAULTS>) {
  await saveSettings(app.db, swarmId, { ...SETTINGS_DEFAULTS, policy: { detected: { agent_down: "approve" }, preventive: {} }, ...over });
  await applyStoredSettings(app.db, app.engine, componentLogger("test"), SWARM);
}

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey(SWARM);
  swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: SWARM } })).id;
  await useSettings({});
});
afterAll(() => app.close());

/** A stored healing with its commands (oldest first). */
const withCommands = async <H extends { id: string; swarmId: number }>(h: H) => ({
  ...h,
  commands: (await commandsOf(app.db, h.swarmId, [h.id])).get(h.id)!,
});

/** A failed heartbeat of a fresh agent → a detected agent_down whose healing waits for approval; returns the healing. */
async function pendingHealing() {
  const agent = `agent-${++agents}`;
  const res = await fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify([
      { type: "heartbeat", agent_id: agent, timestamp: Date.now() - 1000 },
      { type: "heartbeat_failed", agent_id: agent, timestamp: Date.now() },
    ]),
  });
  expect(res.status).toBe(202);
  return vi.waitFor(
    async () => {
      await app.drainEngineOutputs();
      const failures = await app.db.failure.findMany({ where: { swarmId, agentId: agent }, select: { id: true } });
      const rows = await app.db.healing.findMany({ where: { swarmId, status: "pending", failureId: { in: failures.map((f) => f.id) } } });
      expect(rows).toHaveLength(1);
      return withCommands(rows[0]!);
    },
    { timeout: 10_000 },
  );
}

const call = (handler: typeof approve, id: string, token: string, body?: unknown) =>
  handler(
    new Request(`${app.url}/api/v1/healings/${id}/x`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: body === undefined ? null : JSON.stringify(body),
    }),
    { params: Promise.resolve({ id }) },
  );

/** The healing once the engine has acted on the decision and its outputs are stored. */
const settled = (id: string, status: string) =>
  vi.waitFor(
    async () => {
      await app.drainEngineOutputs();
      const h = await app.db.healing.findFirstOrThrow({ where: { id } });
      expect(h.status).toBe(status);
      return withCommands(h);
    },
    { timeout: 10_000 },
  );

describe("healings waiting for approval", () => {
  it("wait with no command issued; a viewer may not decide; an operator's approval runs them", async () => {
    const h = await pendingHealing();
    expect(h).toMatchObject({ trigger: "detected", strategy: "AgentRestartStrategy", decidedBy: null });
    expect(h.commands).toEqual([]);
    expect((await call(approve, h.id, await app.token("viewer"))).status).toBe(403);
    const res = await call(approve, h.id, await app.token("operator"), { reason: "restart it" });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      id: h.id,
      decided_by: expect.stringContaining("token"),
      decision_reason: "restart it",
      decided_at: expect.any(String),
    });
    const running = await settled(h.id, "running");
    expect(running.commands.map((c) => c.kind)).toEqual(["restart_agent"]);
    expect(running.decidedBy).not.toBeNull();
    const log = await app.db.auditLog.findMany({ where: { target: `healing:${h.id}` } });
    expect(log.map((l) => [l.action, l.result])).toEqual([["healing.approve", "ok"]]);
  });

  it("reject needs a reason and cancels the healing with who and why, issuing nothing", async () => {
    const h = await pendingHealing();
    const token = await app.token("operator");
    expect((await call(reject, h.id, token, {})).status).toBe(400);
    expect((await call(reject, h.id, token, { reason: "agent is being redeployed" })).status).toBe(200);
    const cancelled = await settled(h.id, "cancelled");
    expect(cancelled.reason).toMatch(/^rejected by .+: agent is being redeployed$/);
    expect(cancelled.commands).toEqual([]);
  });

  it("the first decision stands under concurrent clicks; the others get 409 and are audited", async () => {
    const h = await pendingHealing();
    const tokens = await Promise.all(Array.from({ length: 6 }, () => app.token("operator")));
    const results = await Promise.all(tokens.map((t, i) => (i % 2 ? call(reject, h.id, t, { reason: "no" }) : call(approve, h.id, t))));
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
    const log = await app.db.auditLog.findMany({ where: { target: `healing:${h.id}` } });
    expect(log.filter((l) => l.result === "ok")).toHaveLength(1);
    expect(log.filter((l) => l.result === "conflict")).toHaveLength(5);
    const winner = log.find((l) => l.result === "ok")!.action;
    await settled(h.id, winner === "healing.approve" ? "running" : "cancelled");
  });

  it("an approval bound to another action is refused (S3); unknown ids are 404", async () => {
    const h = await pendingHealing();
    const token = await app.token("operator");
    const stale = await call(approve, h.id, token, { action_hash: "0".repeat(64) });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ type: expect.stringContaining("action_changed") });
    expect((await app.db.healing.findFirstOrThrow({ where: { id: h.id } })).decidedBy).toBeNull();
    const listed = await app.db.healing.findFirstOrThrow({ where: { id: h.id } });
    expect((await call(approve, h.id, token, { action_hash: healingActionHash(listed) })).status).toBe(200);
    expect((await call(approve, "00000000-0000-4000-8000-000000000000", token)).status).toBe(404);
    expect((await call(approve, "not-a-uuid", token)).status).toBe(404);
  });

  it("two-person approval: the first approval waits for a second, different operator (S2)", async () => {
    await useSettings({ two_person_approval: ["agent_down"] });
    try {
      const h = await pendingHealing();
      const [a, b] = [await app.token("operator"), await app.token("operator")];
      const first = await call(approve, h.id, a);
      expect(first.status).toBe(200);
      expect(await first.json()).toMatchObject({ status: "pending", decided_by: null, first_approved_by: expect.any(String) });
      expect((await call(approve, h.id, a)).status).toBe(403);
      expect((await app.db.healing.findFirstOrThrow({ where: { id: h.id } })).status).toBe("pending");
      expect((await call(approve, h.id, b)).status).toBe(200);
      await settled(h.id, "running");
    } finally {
      await useSettings({});
    }
  });

  it("a preventive healing is decided through its prediction: 409 here", async () => {
    const h = await app.db.healing.create({
      data: {
        swarmId,
        failureType: "agent_down",
        strategy: "AgentRestartStrategy",
        status: "pending",
        trigger: "preventive",
        startedAt: new Date(),
      },
    });
    const res = await call(approve, h.id, await app.token("operator"));
    expect(res.status).toBe(409);
    expect((await res.json()).detail).toMatch(/through its prediction/);
  });
});
