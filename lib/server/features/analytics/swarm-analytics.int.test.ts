// Analytics API over rollups: overview figures, the MTTR series with gaps, strategy effectiveness.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as mttr } from "@/app/api/v1/swarms/[swarm]/analytics/mttr/route";
import { GET as overview } from "@/app/api/v1/swarms/[swarm]/analytics/overview/route";
import { GET as strategies } from "@/app/api/v1/swarms/[swarm]/analytics/strategies/route";
import { startTestApp, type TestApp } from "../../../../test/app";
import { saveSettings } from "../settings/settings-store";
import { SETTINGS_DEFAULTS } from "../settings/swarm-settings";

let app: TestApp;
let token: string;
const HOUR = 3_600_000;
const now = Date.now();
const base = Math.floor(now / HOUR) * HOUR - 3 * HOUR; // three whole hours ago

beforeAll(async () => {
  app = await startTestApp();
  token = await app.token("viewer");
  await app.ingestKey("an-swarm");
  const swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "an-swarm" } })).id;
  const healings = [
    { strategy: "agent_restart", status: "succeeded", healMs: 100, recoveryMs: 1000, at: base + 10 * 60_000 },
    { strategy: "agent_restart", status: "succeeded", healMs: 200, recoveryMs: 2000, at: base + 20 * 60_000 },
    { strategy: "task_retry", status: "failed", healMs: 300, recoveryMs: null, at: base + 2 * HOUR + 5 * 60_000 },
  ] as const;
  for (const h of healings) {
    await app.db.healing.create({
      data: {
        id: randomUUID(),
        swarmId,
        failureType: "agent_down",
        strategy: h.strategy,
        status: h.status,
        trigger: "detected",
        healMs: h.healMs,
        recoveryMs: h.recoveryMs,
        startedAt: new Date(h.at - 500),
        finishedAt: new Date(h.at),
      },
    });
    app.rollups.add(swarmId, h.at, {
      healings: 1,
      healings_succeeded: h.status === "succeeded" ? 1 : 0,
      heal_ms_sum: h.healMs,
      recovery_ms_sum: h.recoveryMs ?? 0,
      recoveries: h.recoveryMs ? 1 : 0,
    });
  }
  app.rollups.add(swarmId, base + 10 * 60_000, { failures: 2 });
  await app.rollups.flush();
  for (const [i, outcome] of (["confirmed", "confirmed", "prevented", "false_positive"] as const).entries()) {
    await app.db.prediction.create({
      data: {
        id: randomUUID(),
        swarmId,
        failureType: "agent_down",
        confidence: 0.8,
        predictedAt: new Date(now - 3_600_000 + i),
        expectedAt: new Date(now - 3_600_000 + i + 30_000),
        reasoning: "r",
        recommendedAction: "restart_agent",
        source: "pattern",
        status: "approved",
        outcome,
      },
    });
  }
  // Recall counts the failures of the kinds the engine predicts: two agents down, not the routine task failures.
  for (const [i, failureType] of ["agent_down", "agent_down", "task_failed", "task_failed", "task_failed"].entries()) {
    await app.db.failure.create({ data: { swarmId, failureType, agentId: `a-${i}`, detectedAt: new Date(now - 3_000_000 + i) } });
  }
  await app.db.bottleneck.create({
    data: {
      id: randomUUID(),
      swarmId,
      type: "slow_agent",
      severity: "high",
      impactScore: 0.7,
      detectedAt: new Date(now - 1000),
      updatedAt: new Date(now - 1000),
    },
  });
});
afterAll(() => app.close());

const get = async (handler: typeof overview, qs: string, swarm = "an-swarm") => {
  const res = await handler(new Request(`${app.url}/x?${qs}`, { headers: { authorization: `Bearer ${token}` } }), {
    params: Promise.resolve({ swarm }),
  });
  return { status: res.status, body: await res.json() };
};

describe("analytics", () => {
  it("overview: healing totals, MTTR and heal time from the rollups, active bottlenecks, the health score of the healing terms", async () => {
    const { status, body } = await get(overview, "range=24h");
    expect(status).toBe(200);
    expect(body.healing).toEqual({ total: 3, success_rate: 2 / 3, mttr_ms: 1500, avg_heal_ms: 200 });
    expect(body.bottlenecks).toEqual({ active: 1, by_type: { slow_agent: 1 } });
    // docs/decisions.md#d26: no task outcomes in the rollups, so 30 × (1 − 1.5 s / 30 s) and 20 × mean(1, 0) are rescaled from 50 to 100.
    expect(body.health_score).toBe(77);
    expect(body.health).toEqual({ score: 77, success_points: null, mttr_points: 57, strategy_points: 20, target_mttr_ms: 30_000 });
    expect(body.prediction).toEqual({
      total: 4,
      accuracy: 0.75,
      precision: 2 / 3,
      recall: 1,
      false_positive_rate: 0.25,
      median_lead_ms: 30_000,
    });
  });

  it("mttr: hourly buckets over the range with MTTR and heal duration beside it, gaps as null", async () => {
    const { body } = await get(mttr, `bucket=hour&from=${base}&to=${base + 3 * HOUR - 1}`);
    expect(body).toEqual([
      { bucket_start: new Date(base).toISOString(), mttr_ms: 1500, avg_heal_ms: 150, healings: 2, failures: 2, success_rate: 1 },
      { bucket_start: new Date(base + HOUR).toISOString(), mttr_ms: null, avg_heal_ms: null, healings: 0, failures: 0, success_rate: null },
      { bucket_start: new Date(base + 2 * HOUR).toISOString(), mttr_ms: null, avg_heal_ms: 300, healings: 1, failures: 0, success_rate: 0 },
    ]);
  });

  it("strategies: counts and rates per strategy", async () => {
    const { body } = await get(strategies, "range=7d");
    expect(
      body.map((s: { strategy: string; success_count: number; failure_count: number }) => [s.strategy, s.success_count, s.failure_count]),
    ).toEqual([
      ["agent_restart", 2, 0],
      ["task_retry", 0, 1],
    ]);
  });

  it("overview: no health score (null, not 50) for a swarm with no healing", async () => {
    await app.ingestKey("quiet-swarm");
    const { status, body } = await get(overview, "range=24h", "quiet-swarm");
    expect(status).toBe(200);
    expect(body.health_score).toBeNull();
    expect(body.health).toEqual({ score: null, success_points: null, mttr_points: null, strategy_points: null, target_mttr_ms: 30_000 });
  });

  it("overview: the health score measures MTTR against the swarm's configured target", async () => {
    const swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "an-swarm" } })).id;
    await saveSettings(app.db, swarmId, { ...SETTINGS_DEFAULTS, target_mttr_ms: 3_000 });
    const { body } = await get(overview, "range=24h");
    expect(body.health).toEqual({ score: 50, success_points: null, mttr_points: 30, strategy_points: 20, target_mttr_ms: 3_000 });
  });

  it("400 on a reversed range or too many buckets", async () => {
    expect((await get(mttr, `bucket=hour&from=${now}&to=${now - 1}`)).status).toBe(400);
    expect((await get(mttr, `bucket=minute&from=0&to=${now}`)).status).toBe(400);
  });
});
