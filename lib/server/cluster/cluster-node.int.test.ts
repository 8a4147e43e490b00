// One instance's ownership: health reports the owned swarm with no lag once its events are read, and a stale
// owner (its epoch moved on, as after a takeover while it was paused) commits no engine output, steps down, and (its
// lock being free here) takes the swarm over again under a new epoch.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";

let app: TestApp;
let key: string;
let swarmId: number;

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey("owned");
  swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "owned" } })).id;
});
afterAll(() => app.close());

const ingest = (events: Record<string, unknown>[]) =>
  fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(events),
  });

describe("cluster node", () => {
  it("health reports the owned swarm, this instance's id and no lag", async () => {
    expect((await ingest([{ type: "heartbeat", agent_id: "a", timestamp: Date.now() }])).status).toBe(202);
    await app.drainEngineOutputs();
    await vi.waitFor(
      async () =>
        expect((await app.services.health.check()).cluster).toEqual({
          instance_id: app.cluster.instanceId,
          owned_swarms: ["owned"],
          lag_ms: 0,
        }),
      { timeout: 10_000 },
    );
  });

  it("fenced: with the epoch moved on, the stale owner's outputs are not stored; it steps down and takes over anew", async () => {
    const { rows } = await app.pool.query<{ epoch: string }>(
      "UPDATE swarm_owners SET epoch = epoch + 1, owner_id = 'someone-else' WHERE swarm_id = $1 RETURNING epoch::text",
      [swarmId],
    );
    expect(
      (
        await ingest([
          { type: "heartbeat", agent_id: "b", timestamp: Date.now() - 500 },
          { type: "heartbeat_failed", agent_id: "b", timestamp: Date.now() },
        ])
      ).status,
    ).toBe(202);
    await app.drainEngineOutputs();
    expect(await app.db.failure.count({ where: { swarmId } })).toBe(0);
    await vi.waitFor(
      async () => {
        const owner = await app.db.swarmOwner.findUniqueOrThrow({ where: { swarmId }, select: { ownerId: true, epoch: true } });
        expect(owner).toEqual({ ownerId: app.cluster.instanceId, epoch: BigInt(rows[0]!.epoch) + 1n });
      },
      { timeout: 5_000 },
    );
  });
});
