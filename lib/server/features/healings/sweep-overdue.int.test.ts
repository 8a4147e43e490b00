// The storage sweep: overdue commands time out and fail their healing with that reason; overdue proposals expire;
// a swarm that stopped sending has its open healings and active bottlenecks closed as "no data", published to its
// room, while a swarm still sending keeps them.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../../test/app";
import { createPublisher, type Publisher } from "../items/publisher";
import type { RealtimeServer } from "../../live/server";
import { NO_DATA_AFTER_MS } from "../../../contract/items/swarm-status";
import { SWEEP_GRACE_MS, sweepOverdue } from "./sweep-overdue";

let app: TestApp;
let swarmId: number;

/** Creates the swarm and resolves once this instance's engine owns it: rows written after that are not adopted by a
 * takeover (whose own finish of an adopted healing would race the sweep). */
const ownedSwarm = async (name: string): Promise<number> => {
  const owned = new Promise<void>((resolve) => app.cluster.onOwnership((swarm, mine) => swarm === name && mine && resolve()));
  await app.ingestKey(name);
  if (!app.cluster.ownedSwarms().has(name)) await owned;
  return (await app.db.swarm.findUniqueOrThrow({ where: { name } })).id;
};

beforeAll(async () => {
  app = await startTestApp();
  swarmId = await ownedSwarm("sweep-swarm");
});
afterAll(() => app.close());

it("times out commands nobody picked up, fails their healing with the reason, expires overdue proposals, and leaves the rest", async () => {
  const now = Date.now();
  const mk = async (deadline: number) => {
    const healing = await app.db.healing.create({
      data: {
        id: randomUUID(),
        swarmId,
        failureType: "agent_down",
        strategy: "AgentRestartStrategy",
        status: "running",
        trigger: "detected",
        startedAt: new Date(now - 60_000),
      },
    });
    const command = await app.db.command.create({
      data: {
        id: randomUUID(),
        swarmId,
        healingId: healing.id,
        kind: "restart_agent",
        params: { agent_id: "a" },
        issuedAt: new Date(now - 60_000),
        deadline: new Date(deadline),
      },
    });
    return { healing: healing.id, command: command.id };
  };
  const overdue = await mk(now - SWEEP_GRACE_MS - 1);
  const live = await mk(now + 10_000);
  const prediction = (open: number) =>
    app.db.prediction.create({
      data: {
        id: randomUUID(),
        swarmId,
        failureType: "agent_down",
        confidence: 0.9,
        predictedAt: new Date(now - 120_000),
        expectedAt: new Date(open),
        reasoning: "r",
        recommendedAction: "restart_agent",
        source: "pattern",
        status: "open",
      },
    });
  const old = await prediction(now - SWEEP_GRACE_MS - 1);
  const fresh = await prediction(now + 60_000);

  const r = await sweepOverdue(app.pool, app.rollups, now);
  expect(r).toEqual({
    commands: 1,
    healings: [{ id: overdue.healing, swarm: "sweep-swarm" }],
    proposals: 1,
    no_data: { healings: [], bottlenecks: 0, proposals: 0, incidents: 0 },
  });
  expect(await app.db.command.findFirstOrThrow({ where: { id: overdue.command } })).toMatchObject({
    status: "timed_out",
    detail: "no result before the deadline",
  });
  expect(await app.db.healing.findFirstOrThrow({ where: { id: overdue.healing } })).toMatchObject({
    status: "failed",
    reason: expect.stringContaining("timed out"),
  });
  expect((await app.db.command.findFirstOrThrow({ where: { id: live.command } })).status).toBe("pending");
  expect((await app.db.healing.findFirstOrThrow({ where: { id: live.healing } })).status).toBe("running");
  expect(await app.db.prediction.findFirstOrThrow({ where: { id: old.id } })).toMatchObject({ status: "expired", decidedBy: "system" });
  expect((await app.db.prediction.findFirstOrThrow({ where: { id: fresh.id } })).status).toBe("open");
  expect(await sweepOverdue(app.pool, app.rollups, now)).toEqual({
    commands: 0,
    healings: [],
    proposals: 0,
    no_data: { healings: [], bottlenecks: 0, proposals: 0, incidents: 0 },
  });
});

describe("a swarm that stopped sending", () => {
  const MIN = 60_000;
  /** A swarm whose last event was received `quietMs` ago, with an open proposal past its time, a running healing
   * whose command finished 12 min ago, a healing waiting for approval since 12 min and a bottleneck last updated 12 min ago. */
  const swarmWithOpenItems = async (name: string, now: number, quietMs: number) => {
    const id = await ownedSwarm(name);
    const at = new Date(now - quietMs);
    await app.pool.query(
      "INSERT INTO events (swarm_id, ts, event_id, type, agent_id, received_at, body) VALUES ($1, $2, gen_random_uuid()::text, 'heartbeat', 'a', $2, '{}')",
      [id, at],
    );
    const old = new Date(now - 12 * MIN);
    const running = await app.db.healing.create({
      data: {
        id: randomUUID(),
        swarmId: id,
        failureType: "agent_down",
        strategy: "AgentRestartStrategy",
        status: "running",
        trigger: "detected",
        startedAt: new Date(now - 13 * MIN),
      },
    });
    await app.db.command.create({
      data: {
        id: randomUUID(),
        swarmId: id,
        healingId: running.id,
        kind: "restart_agent",
        params: { agent_id: "a" },
        status: "succeeded",
        issuedAt: new Date(now - 13 * MIN),
        deadline: new Date(now - 12.5 * MIN),
        finishedAt: old,
      },
    });
    const waiting = await app.db.healing.create({
      data: {
        id: randomUUID(),
        swarmId: id,
        failureType: "agent_down",
        strategy: "AgentRestartStrategy",
        status: "pending",
        trigger: "detected",
        startedAt: old,
      },
    });
    const bottleneck = await app.db.bottleneck.create({
      data: {
        id: randomUUID(),
        swarmId: id,
        type: "task_queue_backlog",
        severity: "high",
        impactScore: 0.7,
        detectedAt: new Date(now - 20 * MIN),
        updatedAt: old,
      },
    });
    const proposal = await app.db.prediction.create({
      data: {
        id: randomUUID(),
        swarmId: id,
        failureType: "agent_down",
        confidence: 0.9,
        predictedAt: new Date(now - 15 * MIN),
        expectedAt: new Date(now - 11 * MIN),
        reasoning: "r",
        recommendedAction: "restart_agent",
        source: "pattern",
        status: "open",
      },
    });
    return { running: running.id, waiting: waiting.id, bottleneck: bottleneck.id, proposal: proposal.id };
  };

  it("closes its open items as no data and publishes them; a swarm still sending keeps its healings and bottlenecks", async () => {
    const now = Date.now();
    const quiet = await swarmWithOpenItems("quiet-swarm", now, NO_DATA_AFTER_MS + 5 * MIN);
    const sending = await swarmWithOpenItems("sending-swarm", now, 2_000);
    const published: { name: string; payload: { swarm: string } }[] = [];
    const publish = ((name: string, payload: { swarm: string }) => published.push({ name, payload })) as Publisher;

    const r = await sweepOverdue(app.pool, app.rollups, now, publish);
    expect(r.proposals).toBe(2);
    expect(r.no_data.bottlenecks).toBe(1);
    expect(r.no_data.healings.map((h) => h.id).sort()).toEqual([quiet.running, quiet.waiting].sort());
    expect(r.no_data.healings.every((h) => h.swarm === "quiet-swarm")).toBe(true);

    for (const id of [quiet.running, quiet.waiting]) {
      expect(await app.db.healing.findFirstOrThrow({ where: { id } })).toMatchObject({
        status: "cancelled",
        finishedAt: new Date(now),
        reason: "no data: the swarm has sent no events for 15 min, so this could not finish or be verified",
      });
    }
    expect(await app.db.bottleneck.findFirstOrThrow({ where: { id: quiet.bottleneck } })).toMatchObject({
      status: "resolved",
      resolution: "no data",
      resolvedAt: new Date(now),
    });
    expect((await app.db.prediction.findFirstOrThrow({ where: { id: quiet.proposal } })).status).toBe("expired");

    expect((await app.db.healing.findFirstOrThrow({ where: { id: sending.running } })).status).toBe("running");
    expect((await app.db.healing.findFirstOrThrow({ where: { id: sending.waiting } })).status).toBe("pending");
    expect(await app.db.bottleneck.findFirstOrThrow({ where: { id: sending.bottleneck } })).toMatchObject({
      status: "active",
      resolution: null,
    });

    const quietOnes = published
      .filter((p) => p.payload.swarm === "quiet-swarm")
      .map((p) => p.name)
      .sort();
    expect(quietOnes).toEqual(["bottleneck.resolved", "healing.finished", "healing.finished", "prediction.updated"]);
    expect(published.filter((p) => p.payload.swarm === "sending-swarm").map((p) => p.name)).toEqual(["prediction.updated"]);
    expect(await sweepOverdue(app.pool, app.rollups, now, publish)).toEqual({
      commands: 0,
      healings: [],
      proposals: 0,
      no_data: { healings: [], bottlenecks: 0, proposals: 0, incidents: 0 },
    });
  });

  it("the items published are the API's items, with the no-data reason and resolution", async () => {
    const now = Date.now();
    const quiet = await swarmWithOpenItems("quiet-published", now, NO_DATA_AFTER_MS + MIN);
    const seen = new Map<string, unknown>();
    const io = {
      to: () => ({ emit: (name: string, item: { id: string }) => seen.set(item.id, { name, item }) }),
    } as unknown as RealtimeServer;
    await sweepOverdue(app.pool, app.rollups, now, createPublisher(io));
    expect(seen.get(quiet.bottleneck)).toMatchObject({
      name: "bottleneck.resolved",
      item: { status: "resolved", resolution: "no data", swarm: "quiet-published", resolved_at: new Date(now).toISOString() },
    });
    expect(seen.get(quiet.running)).toMatchObject({
      name: "healing.finished",
      item: {
        status: "cancelled",
        reason: expect.stringMatching(/^no data: .* 11 min/),
        started_at: new Date(now - 13 * MIN).toISOString(),
      },
    });
    expect(seen.get(quiet.proposal)).toMatchObject({
      name: "prediction.updated",
      item: { status: "expired", decided_by: "system", expected_at: new Date(now - 11 * MIN).toISOString() },
    });
  });

  it("a silent swarm's proposals expire before their time (no approval may heal blind) and its open incidents close", async () => {
    const now = Date.now();
    const id = await ownedSwarm("quiet-proposals");
    await app.pool.query(
      "INSERT INTO events (swarm_id, ts, event_id, type, agent_id, received_at, body) VALUES ($1, $2, gen_random_uuid()::text, 'heartbeat', 'a', $2, '{}')",
      [id, new Date(now - NO_DATA_AFTER_MS - MIN)],
    );
    const proposal = await app.db.prediction.create({
      data: {
        id: randomUUID(),
        swarmId: id,
        failureType: "agent_down",
        confidence: 0.9,
        predictedAt: new Date(now - 12 * MIN),
        expectedAt: new Date(now + 5 * MIN),
        reasoning: "r",
        recommendedAction: "restart_agent",
        source: "health",
        status: "open",
      },
    });
    const incident = await app.db.incident.create({
      data: {
        id: randomUUID(),
        swarmId: id,
        source: "failure",
        failureType: "agent_down",
        agentId: "a",
        severity: "high",
        target: "agent:a",
        state: "needs_operator",
        reason: "policy off",
        openedAt: new Date(now - 12 * MIN),
        updatedAt: new Date(now - 12 * MIN),
      },
    });
    const published: string[] = [];
    const r = await sweepOverdue(
      app.pool,
      app.rollups,
      now,
      ((name: string, p: { swarm: string }) => p.swarm === "quiet-proposals" && published.push(name)) as Publisher,
    );
    expect(r.no_data).toMatchObject({ proposals: 1, incidents: 1 });
    expect(await app.db.prediction.findFirstOrThrow({ where: { id: proposal.id } })).toMatchObject({
      status: "expired",
      decidedBy: "system",
      decisionReason: expect.stringMatching(/^no data: /),
    });
    expect(await app.db.incident.findFirstOrThrow({ where: { id: incident.id } })).toMatchObject({
      state: "resolved",
      reason: expect.stringMatching(/^no data: /),
      resolvedAt: new Date(now),
    });
    expect(published.sort()).toEqual(["incident.updated", "prediction.updated"]);
  });

  it("a swarm that never sent an event counts as silent from its creation", async () => {
    const now = Date.now();
    const id = await ownedSwarm("never-sent");
    await app.pool.query("UPDATE swarms SET created_at = $2 WHERE id = $1", [id, new Date(now - NO_DATA_AFTER_MS - MIN)]);
    const manual = await app.db.healing.create({
      data: {
        id: randomUUID(),
        swarmId: id,
        failureType: "agent_down",
        strategy: "AgentRestartStrategy",
        status: "pending",
        trigger: "manual",
        startedAt: new Date(now - NO_DATA_AFTER_MS - 1),
      },
    });
    const r = await sweepOverdue(app.pool, app.rollups, now);
    expect(r.no_data.healings).toEqual([{ id: manual.id, swarm: "never-sent" }]);
  });
});
