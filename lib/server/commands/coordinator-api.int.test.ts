// The coordinator link, pull side: long-poll delivery, no double dispatch, lease expiry re-claim, idempotent
// results that drive the healing, and swarm isolation of ingest keys.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";
import { claimCommands } from "./command-store";

let app: TestApp;
let key: string;
let swarmId: number;

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey("coord");
  swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "coord" } })).id;
});
afterAll(() => app.close());

const pull = async (wait: number, k = key) => {
  const res = await fetch(`${app.url}/api/v1/commands?wait=${wait}`, { headers: { authorization: `Bearer ${k}` } });
  return { status: res.status, body: await res.json() };
};
const report = async (id: string, body: unknown, k = key) => {
  const res = await fetch(`${app.url}/api/v1/commands/${id}/result`, {
    method: "POST",
    headers: { authorization: `Bearer ${k}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.json() };
};
const ingest = (events: Record<string, unknown>[]) =>
  fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(events),
  });

describe("pull delivery", () => {
  it("401 without an ingest key; an empty list when nothing is due", async () => {
    expect((await fetch(`${app.url}/api/v1/commands`)).status).toBe(401);
    expect(await pull(0)).toEqual({ status: 200, body: [] });
  });

  it("a long poll returns the command as soon as a healing issues it; a concurrent poller does not get it too", async () => {
    const first = pull(20);
    const second = pull(2);
    await ingest([
      { type: "heartbeat", agent_id: "agent-1", timestamp: Date.now() - 500 },
      { type: "heartbeat_failed", agent_id: "agent-1", timestamp: Date.now() },
    ]);
    const [a, b] = await Promise.all([first, second]);
    const delivered = [...a.body, ...b.body];
    expect(delivered).toEqual([
      {
        id: expect.any(String),
        kind: "restart_agent",
        params: expect.objectContaining({ agent_id: "agent-1" }),
        issued_at: expect.any(String),
        deadline: expect.any(String),
      },
    ]);
    const row = await app.db.command.findFirstOrThrow({ where: { id: delivered[0].id } });
    expect(row).toMatchObject({ status: "dispatched", attempts: 1 });
    expect((await pull(0)).body).toEqual([]);

    expect(await report(delivered[0].id, { status: "succeeded", detail: "restarted" })).toEqual({
      status: 200,
      body: { id: delivered[0].id, status: "succeeded", detail: "restarted" },
    });
    expect((await report(delivered[0].id, { status: "failed" })).body).toEqual({
      id: delivered[0].id,
      status: "succeeded",
      detail: "restarted",
    });
    await ingest([{ type: "heartbeat", agent_id: "agent-1", timestamp: Date.now() }]);
    await vi.waitFor(
      async () => {
        await app.drainEngineOutputs();
        const healing = await app.db.healing.findFirstOrThrow({ where: { swarmId } });
        const commands = await app.db.command.findMany({ where: { swarmId, healingId: healing.id } });
        expect({ ...healing, commands }).toMatchObject({
          status: "succeeded",
          commands: [expect.objectContaining({ status: "succeeded", detail: "restarted" })],
        });
      },
      { timeout: 10_000 },
    );
  });

  it("re-delivers a command whose lease expired without a result (attempt 2), never while the lease holds; each attempt audited", async () => {
    const healing = await app.db.healing.create({
      data: {
        swarmId,
        failureType: "agent_down",
        strategy: "AgentRestartStrategy",
        status: "running",
        trigger: "manual",
        startedAt: new Date(),
      },
    });
    const cmd = await app.db.command.create({
      data: {
        swarmId,
        healingId: healing.id,
        kind: "drain_agent",
        params: { agent_id: "x" },
        issuedAt: new Date(),
        deadline: new Date(Date.now() + 600_000),
      },
    });
    const now = Date.now();
    expect((await claimCommands(app.pool, swarmId, now, 10, 5_000)).map((c) => [c.id, c.attempts])).toEqual([[cmd.id, 1]]);
    expect(await claimCommands(app.pool, swarmId, now + 4_000, 10, 5_000)).toEqual([]);
    expect((await claimCommands(app.pool, swarmId, now + 6_000, 10, 5_000)).map((c) => [c.id, c.attempts])).toEqual([[cmd.id, 2]]);
    const audited = await app.db.auditLog.findMany({
      where: { action: "command.dispatched", target: `command:${cmd.id}` },
      orderBy: { id: "asc" },
    });
    expect(audited.map((a) => [a.actorId, a.swarmId, a.detail])).toEqual(
      [1, 2].map((attempt) => [
        "coordinator-link",
        swarmId,
        expect.objectContaining({ attempt, kind: "drain_agent", healing_id: healing.id, via: "pull" }),
      ]),
    );
  });

  it("never delivers a command past its deadline", async () => {
    await app.db.command.create({
      data: { swarmId, kind: "resume_tasks", params: {}, issuedAt: new Date(Date.now() - 60_000), deadline: new Date(Date.now() - 1) },
    });
    expect(await claimCommands(app.pool, swarmId, Date.now())).toEqual([]);
  });

  it("concurrent claims never hand the same command to two pollers", async () => {
    for (let i = 0; i < 20; i++)
      await app.db.command.create({
        data: { swarmId, kind: "set_concurrency", params: { limit: i }, issuedAt: new Date(), deadline: new Date(Date.now() + 600_000) },
      });
    const batches = await Promise.all(Array.from({ length: 5 }, () => claimCommands(app.pool, swarmId, Date.now(), 7)));
    const ids = batches.flat().map((c) => c.id);
    expect(ids).toHaveLength(20);
    expect(new Set(ids).size).toBe(20);
  });

  it("a key of another swarm cannot see or answer this swarm's commands", async () => {
    const other = await app.ingestKey("coord-other");
    const cmd = await app.db.command.create({
      data: { swarmId, kind: "resume_tasks", params: {}, issuedAt: new Date(), deadline: new Date(Date.now() + 600_000) },
    });
    expect((await pull(0, other)).body).toEqual([]);
    expect((await report(cmd.id, { status: "succeeded" }, other)).status).toBe(404);
    expect((await app.db.command.findFirstOrThrow({ where: { id: cmd.id } })).status).toBe("pending");
  });
});
