// The engine sink against real Postgres: a failure re-detected from an event already turned into a stored failure
// (an engine replaying events after a takeover or restart) is neither stored, counted nor published a second time,
// whichever month partition its detection time falls in (the failure_sources key table holds the guarantee).
import { randomUUID } from "node:crypto";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import type { Engine } from "../engine/engine";
import type { EngineEventMap } from "../engine/types";
import { cloneDatabase } from "../../test/db";
import { attachEngineSink } from "./engine-sink";
import { openDatabase, type OpenDatabase } from "./open-database";
import { RollupBuffer } from "./rollup-buffer";

let database: OpenDatabase;
let swarmId: number;

beforeAll(async () => {
  database = await openDatabase(() => undefined, { url: await cloneDatabase(inject("testServerUrl"), inject("templateDb")), poolSize: 2 });
  swarmId = (await database.db.swarm.create({ data: { name: "sink" } })).id;
  await database.db.$executeRaw`INSERT INTO swarm_owners (swarm_id, owner_id, epoch) VALUES (${swarmId}, 'test', 1)`;
});
afterAll(() => database.close(false));

/** A sink on a stand-in engine whose outputs the test emits; returns emit, what was published, and drain. */
function sink(onPublished: (name: string) => void = () => undefined) {
  const handlers = new Map<string, (payload: unknown) => void>();
  const engine = { on: (name: string, fn: (payload: unknown) => void) => handlers.set(name, fn) } as unknown as Engine;
  const published: string[] = [];
  const rollups = new RollupBuffer(database.pool);
  const publish = (name: string) => {
    published.push(name);
    onPublished(name);
  };
  const s = attachEngineSink(engine, { db: database.db, rollups, log: pino({ level: "silent" }), fence: () => ({ swarmId, epoch: 1n }), published: publish });
  const emit = <K extends keyof EngineEventMap>(name: K, payload: EngineEventMap[K]) => handlers.get(name)!(payload);
  return { emit, published, drain: s.drain, rollups };
}

const failure = (eventId: string) => ({
  id: randomUUID(), failureType: "agent_down", agentId: "agent-1", taskId: null, severity: "high" as const,
  context: { event_id: eventId, event_type: "heartbeat_failed" }, detectedAt: Date.now(), resolvedAt: null,
});

describe("engine sink: failures", () => {
  it("stores a failure once per source event; the re-detection (even in another month's partition) is not stored, counted or published", async () => {
    const { emit, published, drain, rollups } = sink();
    const first = failure("ev-1");
    emit("failure.detected", { swarm: "sink", failure: first });
    emit("failure.detected", { swarm: "sink", failure: failure("ev-1") });
    emit("failure.detected", { swarm: "sink", failure: { ...failure("ev-1"), detectedAt: first.detectedAt - 40 * 86_400_000 } });
    emit("failure.detected", { swarm: "sink", failure: failure("ev-2") });
    await drain();
    await rollups.flush();
    const rows = await database.db.failure.findMany({ where: { swarmId }, orderBy: { sourceEventId: "asc" } });
    expect(rows.map((r) => [r.sourceEventId, r.id === first.id])).toEqual([["ev-1", true], ["ev-2", false]]);
    expect(published).toEqual(["failure.detected", "failure.detected"]);
    const { rows: counted } = await database.pool.query<{ n: string }>("SELECT coalesce(sum(failures), 0)::text AS n FROM rollup_minute WHERE swarm_id = $1", [swarmId]);
    expect(counted[0]!.n).toBe("2");
  });

  it("records the same failure id again as an update (its resolution), not a duplicate", async () => {
    const { emit, drain } = sink();
    const f = failure("ev-3");
    emit("failure.detected", { swarm: "sink", failure: f });
    emit("failure.detected", { swarm: "sink", failure: { ...f, resolvedAt: f.detectedAt + 500 } });
    await drain();
    const row = await database.db.failure.findFirstOrThrow({ where: { id: f.id } });
    expect(row.resolvedAt?.getTime()).toBe(f.detectedAt + 500);
  });
});

describe("engine sink: healings", () => {
  it("a finished healing's rollups are stored before it is published (the charts refetch on that event)", async () => {
    const seen: Promise<string>[] = [];
    const { emit, drain } = sink((name) => {
      if (name === "healing.finished") seen.push(database.pool.query<{ n: string }>("SELECT coalesce(sum(healings), 0)::text AS n FROM rollup_minute WHERE swarm_id = $1", [swarmId]).then((r) => r.rows[0]!.n));
    });
    const t = Date.now();
    const healing = { id: randomUUID(), failureId: null, predictionId: null, failureType: "agent_down", strategy: "AgentRestartStrategy", status: "succeeded" as const, trigger: "detected" as const, actions: [], reason: null, healMs: 900, recoveryMs: 2_000, startedAt: t - 2_000, finishedAt: t };
    emit("healing.finished", { swarm: "sink", healing });
    await drain();
    expect(await Promise.all(seen)).toEqual(["1"]);
  });
});
