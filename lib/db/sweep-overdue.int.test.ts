// The storage sweep: overdue commands time out and fail their healing with that reason; overdue proposals expire.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../test/app";
import { SWEEP_GRACE_MS, sweepOverdue } from "./sweep-overdue";

let app: TestApp;
let swarmId: number;
beforeAll(async () => {
  app = await startTestApp();
  await app.ingestKey("sweep-swarm");
  swarmId = (await app.rt.db.swarm.findUniqueOrThrow({ where: { name: "sweep-swarm" } })).id;
});
afterAll(() => app.close());

it("times out commands nobody picked up, fails their healing with the reason, expires overdue proposals, and leaves the rest", async () => {
  const now = Date.now();
  const mk = async (deadline: number) => {
    const healing = await app.rt.db.healing.create({ data: { id: randomUUID(), swarmId, failureType: "agent_down", strategy: "AgentRestartStrategy", status: "running", trigger: "detected", startedAt: new Date(now - 60_000) } });
    const command = await app.rt.db.command.create({ data: { id: randomUUID(), swarmId, healingId: healing.id, kind: "restart_agent", params: { agent_id: "a" }, issuedAt: new Date(now - 60_000), deadline: new Date(deadline) } });
    return { healing: healing.id, command: command.id };
  };
  const overdue = await mk(now - SWEEP_GRACE_MS - 1);
  const live = await mk(now + 10_000);
  const prediction = (open: number) =>
    app.rt.db.prediction.create({
      data: { id: randomUUID(), swarmId, failureType: "agent_down", confidence: 0.9, predictedAt: new Date(now - 120_000), expectedAt: new Date(open), reasoning: "r", recommendedAction: "restart_agent", source: "pattern", status: "open" },
    });
  const old = await prediction(now - SWEEP_GRACE_MS - 1);
  const fresh = await prediction(now + 60_000);

  const r = await sweepOverdue(app.rt.pool, app.rt.rollups, now);
  expect(r).toEqual({ commands: 1, healings: [{ id: overdue.healing, swarm: "sweep-swarm" }], proposals: 1 });
  expect(await app.rt.db.command.findFirstOrThrow({ where: { id: overdue.command } })).toMatchObject({ status: "timed_out", detail: "no result before the deadline" });
  expect(await app.rt.db.healing.findFirstOrThrow({ where: { id: overdue.healing } })).toMatchObject({ status: "failed", reason: expect.stringContaining("timed out") });
  expect((await app.rt.db.command.findFirstOrThrow({ where: { id: live.command } })).status).toBe("pending");
  expect((await app.rt.db.healing.findFirstOrThrow({ where: { id: live.healing } })).status).toBe("running");
  expect(await app.rt.db.prediction.findFirstOrThrow({ where: { id: old.id } })).toMatchObject({ status: "expired", decidedBy: "system" });
  expect((await app.rt.db.prediction.findFirstOrThrow({ where: { id: fresh.id } })).status).toBe("open");
  expect(await sweepOverdue(app.rt.pool, app.rt.rollups, now)).toEqual({ commands: 0, healings: [], proposals: 0 });
});
