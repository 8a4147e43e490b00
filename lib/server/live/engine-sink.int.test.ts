// The engine sink against real Postgres: a failure re-detected from an event already turned into a stored failure
// is neither stored, counted nor published a second time; prediction updates carry their evidence but never the
// decision columns; refused writes are retried until stored, in order, without holding other swarms back; and the
// rollups, written in the outputs' own transactions, equal the stored history even when the process dies mid-retry.
import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Engine, EngineEventMap, HealingRecord } from "@/lib/engine";
import { ServerMetrics } from "../platform/server-metrics";
import { cloneDatabase } from "../../../test/db";
import { attachEngineSink } from "./engine-sink";
import { openDatabase, type OpenDatabase } from "../app/open-database";

let database: OpenDatabase;
const swarms = new Map<string, number>();

beforeAll(async () => {
  database = await openDatabase(() => undefined, { url: await cloneDatabase(inject("testServerUrl"), inject("templateDb")), poolSize: 4 });
});
afterAll(() => database.close(false));

/** Creates a swarm owned (epoch 1) by the test. */
async function swarm(name: string): Promise<number> {
  const id = (await database.db.swarm.create({ data: { name } })).id;
  await database.db.$executeRaw`INSERT INTO swarm_owners (swarm_id, owner_id, epoch) VALUES (${id}, 'test', 1)`;
  swarms.set(name, id);
  return id;
}

/** A sink (writing under `epoch`) on a stand-in engine whose outputs the test emits; returns emit, what was
 * published (as "swarm:event"), drain and the sink's metrics. */
function sink(options: { epoch?: bigint; onPublished?: (name: string, swarm: string) => void } = {}) {
  const handlers = new Map<string, (payload: unknown) => void>();
  const engine = { on: (name: string, fn: (payload: unknown) => void) => handlers.set(name, fn) } as unknown as Engine;
  const published: string[] = [];
  const metrics = new ServerMetrics(database.pool);
  const s = attachEngineSink(engine, {
    db: database.db,
    log: pino({ level: "silent" }),
    metrics,
    fence: (name) => ({ swarmId: swarms.get(name)!, epoch: options.epoch ?? 1n }),
    published: (name, payload) => {
      published.push(`${payload.swarm}:${name}`);
      options.onPublished?.(name, payload.swarm);
    },
    limits: { firstDelayMs: 20, maxDelayMs: 200 },
  });
  const emit = <K extends keyof EngineEventMap>(name: K, payload: EngineEventMap[K]) => handlers.get(name)!(payload);
  const retries = async () => (await metrics.engineOutputRetries.get()).values[0]?.value ?? 0;
  return { emit, published, drain: s.drain, metrics, retries };
}

const failure = (eventId: string, at = Date.now()) => ({
  id: randomUUID(),
  failureType: "agent_down",
  agentId: "agent-1",
  taskId: null,
  severity: "high" as const,
  context: { event_id: eventId, event_type: "heartbeat_failed" },
  detectedAt: at,
  resolvedAt: null,
});
const healing = (over: Partial<HealingRecord> = {}): HealingRecord => ({
  id: randomUUID(),
  failureId: null,
  predictionId: null,
  failureType: "agent_down",
  strategy: "AgentRestartStrategy",
  status: "running",
  trigger: "detected",
  actions: [],
  reason: null,
  healMs: null,
  recoveryMs: null,
  startedAt: Date.now() - 2_000,
  finishedAt: null,
  ...over,
});
const command = (healingId: string) => ({
  id: randomUUID(),
  healingId,
  kind: "restart_agent",
  params: { agent_id: "agent-1" },
  status: "pending" as const,
  attempts: 0,
  issuedAt: Date.now(),
  deadline: Date.now() + 60_000,
});
const prediction = (over: Partial<EngineEventMap["prediction.created"]["prediction"]> = {}) => ({
  id: randomUUID(),
  failureType: "task_timeout",
  agentId: null,
  confidence: 0.7,
  predictedAt: Date.now(),
  expectedAt: Date.now() + 60_000,
  reasoning: "queue rising",
  recommendedAction: "scale out",
  source: "queue",
  patternIndicators: [],
  status: "open" as const,
  outcome: null,
  ...over,
});
const sum = async (measure: string, swarmId: number) =>
  (
    await database.pool.query<{ n: string }>(`SELECT coalesce(sum(${measure}), 0)::text AS n FROM rollup_minute WHERE swarm_id = $1`, [
      swarmId,
    ])
  ).rows[0]!.n;

/** Makes the history tables refuse writes of one swarm (a full disk or failover, as the writer sees it); returns the undo. */
async function refuseWrites(swarmId: number, tables: string[]): Promise<() => Promise<void>> {
  const fn = `test_refuse_${swarmId}`;
  await database.pool.query(`CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN
    IF NEW.swarm_id = ${swarmId} THEN RAISE EXCEPTION 'writes refused (test outage)'; END IF; RETURN NEW; END $$`);
  for (const t of tables)
    await database.pool.query(`CREATE TRIGGER ${fn} BEFORE INSERT OR UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION ${fn}()`);
  return async () => {
    for (const t of tables) await database.pool.query(`DROP TRIGGER ${fn} ON ${t}`);
    await database.pool.query(`DROP FUNCTION ${fn}()`);
  };
}

describe("engine sink: failures", () => {
  it("stores a failure once per source event; the re-detection (even in another month's partition) is not stored, counted or published", async () => {
    const swarmId = await swarm("sink-once");
    const { emit, published, drain } = sink();
    const first = failure("ev-1");
    emit("failure.detected", { swarm: "sink-once", failure: first });
    emit("failure.detected", { swarm: "sink-once", failure: failure("ev-1") });
    emit("failure.detected", { swarm: "sink-once", failure: { ...failure("ev-1"), detectedAt: first.detectedAt - 40 * 86_400_000 } });
    emit("failure.detected", { swarm: "sink-once", failure: failure("ev-2") });
    await drain();
    const rows = await database.db.failure.findMany({ where: { swarmId }, orderBy: { sourceEventId: "asc" } });
    expect(rows.map((r) => [r.sourceEventId, r.id === first.id])).toEqual([
      ["ev-1", true],
      ["ev-2", false],
    ]);
    expect(published).toEqual(["sink-once:failure.detected", "sink-once:failure.detected"]);
    expect(await sum("failures", swarmId)).toBe("2");
  });

  it("records the same failure id again as an update (its resolution), not a duplicate, and counts it once", async () => {
    const swarmId = await swarm("sink-resolve");
    const { emit, drain } = sink();
    const f = failure("ev-3");
    emit("failure.detected", { swarm: "sink-resolve", failure: f });
    emit("failure.detected", { swarm: "sink-resolve", failure: { ...f, resolvedAt: f.detectedAt + 500 } });
    await drain();
    const row = await database.db.failure.findFirstOrThrow({ where: { id: f.id } });
    expect(row.resolvedAt?.getTime()).toBe(f.detectedAt + 500);
    expect(await sum("failures", swarmId)).toBe("1");
  });
});

describe("engine sink: healings and predictions", () => {
  it("a finished healing's rollups are stored before it is published (the charts refetch on that event)", async () => {
    const swarmId = await swarm("sink-heal");
    const seen: Promise<string>[] = [];
    const { emit, drain } = sink({ onPublished: (name) => name === "healing.finished" && seen.push(sum("healings", swarmId)) });
    emit("healing.finished", {
      swarm: "sink-heal",
      healing: healing({ status: "succeeded", healMs: 900, recoveryMs: 2_000, finishedAt: Date.now() }),
    });
    await drain();
    expect(await Promise.all(seen)).toEqual(["1"]);
  });

  it("a prediction update stores its fresh evidence (confidence, ETA, reasoning, action) and leaves the decision columns alone", async () => {
    const swarmId = await swarm("sink-predict");
    const { emit, drain } = sink();
    const p = prediction();
    emit("prediction.created", { swarm: "sink-predict", prediction: p });
    await drain();
    await database.db.prediction.updateMany({
      where: { id: p.id },
      data: { decidedBy: "op@test", decisionReason: "looks right", firstApprovedBy: "op@test" },
    });
    const later = {
      ...p,
      confidence: 0.9,
      expectedAt: p.expectedAt + 30_000,
      reasoning: "queue rising faster",
      recommendedAction: "scale out by 2",
      outcome: "confirmed" as const,
      decidedBy: "engine",
      decisionReason: "not mine",
    };
    emit("prediction.updated", { swarm: "sink-predict", prediction: later });
    await drain();
    expect(await database.db.prediction.findFirstOrThrow({ where: { id: p.id } })).toMatchObject({
      confidence: 0.9,
      expectedAt: new Date(later.expectedAt),
      reasoning: "queue rising faster",
      recommendedAction: "scale out by 2",
      outcome: "confirmed",
      decidedBy: "op@test",
      decisionReason: "looks right",
      firstApprovedBy: "op@test",
    });
    expect([await sum("predictions", swarmId), await sum("predictions_confirmed", swarmId)]).toEqual(["1", "1"]);
  });
});

describe("engine sink: refused writes", () => {
  it("retries a swarm's refused writes until stored, in order, while another swarm's outputs are stored meanwhile", async () => {
    const a = await swarm("sink-a");
    await swarm("sink-b");
    let bStored!: () => void;
    const bPublished = new Promise<void>((r) => (bStored = r));
    const { emit, published, drain, retries } = sink({ onPublished: (_name, s) => s === "sink-b" && bStored() });
    const undo = await refuseWrites(a, ["failures"]);
    const f = failure(randomUUID());
    const h = healing({ failureId: f.id });
    emit("failure.detected", { swarm: "sink-a", failure: f });
    emit("healing.started", { swarm: "sink-a", healing: h });
    emit("command.updated", { swarm: "sink-a", command: command(h.id) });
    emit("failure.detected", { swarm: "sink-b", failure: failure(randomUUID()) });
    await bPublished;
    await expect.poll(retries).toBeGreaterThanOrEqual(2);
    // Swarm a's healing and command could be stored, but they wait behind its refused failure.
    expect([
      await database.db.failure.count({ where: { swarmId: a } }),
      await database.db.healing.count({ where: { swarmId: a } }),
      await database.db.command.count({ where: { swarmId: a } }),
    ]).toEqual([0, 0, 0]);
    expect(published).toEqual(["sink-b:failure.detected"]);
    await undo();
    await drain();
    expect(published).toEqual(["sink-b:failure.detected", "sink-a:failure.detected", "sink-a:healing.started", "sink-a:command.updated"]);
    expect([
      await database.db.failure.count({ where: { swarmId: a } }),
      await database.db.healing.count({ where: { swarmId: a } }),
      await database.db.command.count({ where: { swarmId: a } }),
    ]).toEqual([1, 1, 1]);
  });

  it("the rollups equal the stored history after the process dies mid-retry and its successor replays the same outputs", async () => {
    const swarmId = await swarm("sink-crash");
    const S = "sink-crash";
    const t = Date.now();
    const b = {
      id: randomUUID(),
      type: "task_queue_backlog",
      severity: "high" as const,
      impactScore: 0.5,
      affectedResources: [],
      metrics: {},
      recommendations: [],
      status: "active" as const,
      detectedAt: t - 120_000,
      updatedAt: t - 120_000,
    };
    const [p1, p2] = [prediction({ predictedAt: t - 90_000 }), prediction({ predictedAt: t - 30_000 })];
    const [f1, f2] = [failure(randomUUID(), t - 70_000), failure(randomUUID(), t - 10_000)];
    const h1 = healing({ failureId: f1.id, startedAt: t - 69_000 });
    const h2 = healing({ failureId: f2.id, startedAt: t - 9_000 });
    const before = (emit: ReturnType<typeof sink>["emit"]) => {
      emit("bottleneck.detected", { swarm: S, bottleneck: b });
      emit("bottleneck.updated", { swarm: S, bottleneck: { ...b, severity: "critical", updatedAt: t - 60_000 } });
      emit("prediction.created", { swarm: S, prediction: p1 });
      emit("prediction.created", { swarm: S, prediction: p2 });
      emit("prediction.updated", { swarm: S, prediction: { ...p1, outcome: "confirmed" } });
      emit("failure.detected", { swarm: S, failure: f1 });
      emit("failure.detected", { swarm: S, failure: f2 });
      emit("healing.started", { swarm: S, healing: h1 });
      emit("healing.finished", {
        swarm: S,
        healing: { ...h1, status: "succeeded", healMs: 800, recoveryMs: 4_000, finishedAt: t - 60_000 },
      });
    };
    const after = (emit: ReturnType<typeof sink>["emit"]) => {
      emit("healing.started", { swarm: S, healing: h2 });
      emit("healing.finished", {
        swarm: S,
        healing: { ...h2, status: "failed", reason: "agent did not come back", finishedAt: t - 1_000 },
      });
      emit("prediction.updated", { swarm: S, prediction: { ...p2, outcome: "false_positive" } });
    };

    // The first process stores the first outputs, then the database refuses its healings and the process dies
    // while retrying them (its queue and any in-memory state are gone; its successor takes over with epoch 2).
    const first = sink();
    before(first.emit);
    await first.drain();
    const undo = await refuseWrites(swarmId, ["healings"]);
    after(first.emit);
    await expect.poll(first.retries).toBeGreaterThanOrEqual(1);
    await database.pool.query("UPDATE swarm_owners SET owner_id = 'successor', epoch = 2 WHERE swarm_id = $1", [swarmId]);
    await undo();
    await first.drain();
    expect(await database.db.healing.count({ where: { swarmId, status: "failed" } })).toBe(0);

    // The successor's engine replays the swarm's history: every output again, then the ones that were lost.
    const successor = sink({ epoch: 2n });
    before(successor.emit);
    after(successor.emit);
    await successor.drain();

    const { rows: expected } = await database.pool.query(
      `SELECT b, sum(f)::int AS failures, sum(h)::int AS healings, sum(hs)::int AS healings_succeeded, sum(hm)::int AS heal_ms_sum, sum(r)::int AS recoveries,
              sum(rm)::int AS recovery_ms_sum, sum(p)::int AS predictions, sum(pc)::int AS predictions_confirmed, sum(pf)::int AS predictions_false, sum(bn)::int AS bottlenecks
       FROM (
         SELECT detected_at AS at, 1 AS f, 0 AS h, 0 AS hs, 0 AS hm, 0 AS r, 0 AS rm, 0 AS p, 0 AS pc, 0 AS pf, 0 AS bn FROM failures WHERE swarm_id = $1
         UNION ALL SELECT coalesce(finished_at, started_at), 0, 1, (status = 'succeeded')::int, coalesce(heal_ms, (extract(epoch FROM finished_at - started_at) * 1000)::int, 0),
           (recovery_ms IS NOT NULL)::int, coalesce(recovery_ms, 0), 0, 0, 0, 0 FROM healings WHERE swarm_id = $1 AND status IN ('succeeded', 'failed')
         UNION ALL SELECT predicted_at, 0, 0, 0, 0, 0, 0, 1, (outcome = 'confirmed')::int, (outcome = 'false_positive')::int, 0 FROM predictions WHERE swarm_id = $1
         UNION ALL SELECT detected_at, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1 FROM bottlenecks WHERE swarm_id = $1
       ) x CROSS JOIN LATERAL (SELECT date_trunc('minute', at) AS b) bucket GROUP BY b ORDER BY b`,
      [swarmId],
    );
    const { rows: rollups } = await database.pool.query(
      `SELECT bucket_start AS b, failures, healings, healings_succeeded, heal_ms_sum::int, recoveries, recovery_ms_sum::int, predictions, predictions_confirmed, predictions_false, bottlenecks
       FROM rollup_minute WHERE swarm_id = $1 ORDER BY bucket_start`,
      [swarmId],
    );
    expect(rollups).toEqual(expected);
    expect(expected.reduce((n, r) => n + r.healings, 0)).toBe(2);
    expect(
      (await database.pool.query("SELECT sum(healings)::int AS h, sum(failures)::int AS f FROM rollup_day WHERE swarm_id = $1", [swarmId]))
        .rows[0],
    ).toEqual({ h: 2, f: 2 });
  });
});
