// The healing and prediction lists' filters as the dashboard uses them: each filter narrows the page, filters
// combine, cursors keep the filter, and invalid values are 400s.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as listHealings } from "@/app/api/v1/swarms/[swarm]/healings/route";
import { GET as listPredictions } from "@/app/api/v1/swarms/[swarm]/predictions/route";
import { startTestApp, type TestApp } from "../../../../test/app";

let app: TestApp;
let token: string;
const now = Date.now();

const HEALINGS = [
  { strategy: "AgentRestartStrategy", failureType: "agent_down", trigger: "detected", status: "succeeded" },
  { strategy: "AgentRestartStrategy", failureType: "agent_down", trigger: "detected", status: "failed" },
  { strategy: "TaskRetryStrategy", failureType: "task_failed", trigger: "detected", status: "succeeded" },
  { strategy: "TaskRetryStrategy", failureType: "task_timeout", trigger: "preventive", status: "running" },
  { strategy: "QuorumRecoveryStrategy", failureType: "quorum_loss", trigger: "manual", status: "succeeded" },
] as const;

beforeAll(async () => {
  app = await startTestApp();
  token = await app.token("viewer");
  await app.ingestKey("lists");
  const swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "lists" } })).id;
  for (const [i, h] of HEALINGS.entries()) {
    await app.db.healing.create({
      data: { id: randomUUID(), swarmId, ...h, healMs: 100 * (i + 1), startedAt: new Date(now - (i + 1) * 60_000) },
    });
  }
  for (const [i, p] of (
    [
      ["observed", 0.4],
      ["open", 0.8],
      ["approved", 0.9],
      ["rejected", 0.75],
    ] as const
  ).entries()) {
    await app.db.prediction.create({
      data: {
        id: randomUUID(),
        swarmId,
        failureType: "agent_down",
        confidence: p[1],
        status: p[0],
        predictedAt: new Date(now - (i + 1) * 60_000),
        expectedAt: new Date(now + 60_000),
        reasoning: "r",
        recommendedAction: "restart_agent",
        source: "pattern",
      },
    });
  }
});
afterAll(() => app.close());

const get = async (handler: typeof listHealings, qs: string) => {
  const res = await handler(new Request(`${app.url}/x?${qs}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ swarm: "lists" }),
  });
  return { status: res.status, body: await res.json() };
};
const strategiesOf = (items: { strategy: string; status: string }[]) => items.map((h) => `${h.strategy}/${h.status}`);

describe("healing list filters", () => {
  it.each([
    ["", 5],
    ["strategy=AgentRestartStrategy", 2],
    ["failure_type=task_failed", 1],
    ["trigger=preventive", 1],
    ["trigger=manual", 1],
    ["status=succeeded", 3],
    ["status=failed", 1],
    ["strategy=TaskRetryStrategy&status=succeeded", 1],
    ["strategy=AgentRestartStrategy&trigger=manual", 0],
  ])("?%s lists %i healings", async (qs, count) => {
    const { status, body } = await get(listHealings, qs);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(count);
  });

  it("every listed item matches the filter, newest first, with heal duration and trigger", async () => {
    const { body } = await get(listHealings, "status=succeeded");
    expect(strategiesOf(body.items)).toEqual([
      "AgentRestartStrategy/succeeded",
      "TaskRetryStrategy/succeeded",
      "QuorumRecoveryStrategy/succeeded",
    ]);
    expect(body.items[0]).toMatchObject({ heal_ms: 100, trigger: "detected", failure_type: "agent_down", commands: [] });
  });

  it("the next page keeps the filter", async () => {
    const first = await get(listHealings, "status=succeeded&limit=2");
    expect(first.body.items).toHaveLength(2);
    expect(first.body.next_cursor).toEqual(expect.any(String));
    const second = await get(listHealings, `status=succeeded&limit=2&cursor=${first.body.next_cursor}`);
    expect(strategiesOf(second.body.items)).toEqual(["QuorumRecoveryStrategy/succeeded"]);
    expect(second.body.next_cursor).toBeNull();
  });

  it("400 on an unknown trigger or status", async () => {
    expect((await get(listHealings, "trigger=magic")).status).toBe(400);
    expect((await get(listHealings, "status=done")).status).toBe(400);
  });
});

describe("prediction list filters", () => {
  it.each([
    ["status=all", 4],
    ["status=open", 1],
    ["status=all&min_confidence=0.75", 3],
    ["status=rejected&min_confidence=0.8", 0],
  ])("?%s lists %i predictions", async (qs, count) => {
    const { status, body } = await get(listPredictions, qs);
    expect(status).toBe(200);
    expect(body.items).toHaveLength(count);
  });

  it("400 on a confidence above 1", async () => {
    expect((await get(listPredictions, "min_confidence=1.5")).status).toBe(400);
  });
});
