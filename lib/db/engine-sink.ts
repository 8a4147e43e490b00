// Persists the engine's outputs (bottlenecks, predictions, failures, healings, commands) and their rollups,
// in order, off the ingest path; each change is handed to `published` once it is stored.
import type pg from "pg";
import type { Logger } from "pino";
import type { Engine } from "../engine/engine";
import type { EngineEventMap } from "../engine/types";
import type { Prisma } from "../generated/prisma/client";
import type { Db } from "./prisma";
import type { RollupBuffer } from "./rollup-buffer";

type Json = Prisma.InputJsonValue;
const RANK = (col: string) => `(CASE ${col} WHEN 'pending' THEN 0 WHEN 'dispatched' THEN 1 WHEN 'acknowledged' THEN 2 ELSE 3 END)`;
const d = (t: number | null | undefined) => (t === null || t === undefined ? null : new Date(t));

/** Stored engine outputs, by event name (what the live channel publishes). */
export type SinkEvent = Exclude<keyof EngineEventMap, "metrics.tick">;

/** Subscribes to the engine; returns a function that resolves when everything queued so far is stored. */
export function attachEngineSink(
  engine: Engine,
  deps: { db: Db; pool: pg.Pool; rollups: RollupBuffer; log: Logger; published: <K extends SinkEvent>(name: K, payload: EngineEventMap[K]) => void },
): () => Promise<void> {
  const { db, pool, rollups, log } = deps;
  const ids = new Map<string, number>();
  let chain: Promise<void> = Promise.resolve();

  const swarmId = async (name: string) => {
    let id = ids.get(name);
    if (id === undefined) ids.set(name, (id = (await db.swarm.findUniqueOrThrow({ where: { name }, select: { id: true } })).id));
    return id;
  };

  const on = <K extends SinkEvent>(name: K, store: (swarmId: number, payload: EngineEventMap[K]) => Promise<unknown>) =>
    engine.on(name, (payload) => {
      chain = chain
        .then(async () => {
          await store(await swarmId(payload.swarm), payload);
          deps.published(name, payload);
        })
        .catch((e: Error) => log.error({ err: e.message, event: name }, "engine output not stored"));
    });

  const saveBottleneck = (sid: number, { bottleneck: b }: EngineEventMap["bottleneck.detected"]) => {
    const data = {
      type: b.type, severity: b.severity, impactScore: b.impactScore, affectedResources: b.affectedResources as Json, metrics: b.metrics as Json,
      recommendations: b.recommendations as Json, status: b.status, detectedAt: new Date(b.detectedAt), updatedAt: new Date(b.updatedAt), resolvedAt: d(b.resolvedAt),
    };
    return db.bottleneck.upsert({ where: { id: b.id }, create: { id: b.id, swarmId: sid, ...data }, update: data });
  };
  on("bottleneck.detected", async (sid, p) => {
    await saveBottleneck(sid, p);
    rollups.add(sid, p.bottleneck.detectedAt, { bottlenecks: 1 });
  });
  on("bottleneck.updated", saveBottleneck);
  on("bottleneck.resolved", saveBottleneck);

  const savePrediction = (sid: number, { prediction: p }: EngineEventMap["prediction.created"]) => {
    const data = {
      failureType: p.failureType, agentId: p.agentId ?? null, confidence: p.confidence, predictedAt: new Date(p.predictedAt), expectedAt: new Date(p.expectedAt),
      reasoning: p.reasoning, recommendedAction: p.recommendedAction, source: p.source, patternIndicators: p.patternIndicators as Json, status: p.status,
      outcome: p.outcome ?? null,
    };
    return db.prediction.upsert({ where: { id: p.id }, create: { id: p.id, swarmId: sid, ...data }, update: { status: data.status, outcome: data.outcome } });
  };
  on("prediction.created", async (sid, p) => {
    await savePrediction(sid, p);
    rollups.add(sid, p.prediction.predictedAt, { predictions: 1 });
  });
  on("prediction.updated", async (sid, p) => {
    await savePrediction(sid, p);
    const o = p.prediction.outcome;
    if (o === "confirmed" || o === "prevented" || o === "false_positive") {
      rollups.add(sid, p.prediction.predictedAt, { [o === "confirmed" ? "predictions_confirmed" : o === "prevented" ? "predictions_prevented" : "predictions_false"]: 1 });
    }
  });

  on("failure.detected", async (sid, { failure: f }) => {
    await db.failure.upsert({
      where: { id: f.id },
      create: { id: f.id, swarmId: sid, failureType: f.failureType, agentId: f.agentId ?? null, taskId: f.taskId ?? null, severity: f.severity ?? null, context: f.context as Json, detectedAt: new Date(f.detectedAt), resolvedAt: d(f.resolvedAt) },
      update: { resolvedAt: d(f.resolvedAt) },
    });
    rollups.add(sid, f.detectedAt, { failures: 1 });
  });

  const saveHealing = (sid: number, { healing: h }: EngineEventMap["healing.started"]) => {
    const data = {
      failureId: h.failureId ?? null, predictionId: h.predictionId ?? null, failureType: h.failureType, strategy: h.strategy, status: h.status, trigger: h.trigger,
      actions: h.actions as Json, reason: h.reason ?? null, healMs: h.healMs ?? null, recoveryMs: h.recoveryMs ?? null, startedAt: new Date(h.startedAt), finishedAt: d(h.finishedAt),
    };
    return db.healing.upsert({ where: { id: h.id }, create: { id: h.id, swarmId: sid, ...data }, update: data });
  };
  on("healing.started", saveHealing);
  on("healing.finished", async (sid, p) => {
    await saveHealing(sid, p);
    const h = p.healing;
    rollups.add(sid, h.finishedAt ?? h.startedAt, {
      healings: 1, healings_succeeded: h.status === "succeeded" ? 1 : 0, heal_ms_sum: h.healMs ?? 0,
      recovery_ms_sum: h.recoveryMs ?? 0, recoveries: h.recoveryMs === null || h.recoveryMs === undefined ? 0 : 1,
    });
  });

  on("failure.resolved", (sid, { failureId, resolvedAt }) => db.failure.updateMany({ where: { id: failureId, swarmId: sid }, data: { resolvedAt: new Date(resolvedAt) } }));

  // Commands move forward only: the coordinator link (claims, results) and the engine both report states,
  // and whichever reports the later state wins; the first final state stands.
  on("command.updated", (sid, { command: c }) =>
    pool.query(
      `INSERT INTO commands (id, swarm_id, healing_id, kind, params, status, attempts, detail, issued_at, deadline, lease_until, finished_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
       ON CONFLICT (id) DO UPDATE SET
         status = CASE WHEN ${RANK("excluded.status")} > ${RANK("commands.status")} THEN excluded.status ELSE commands.status END,
         detail = CASE WHEN ${RANK("excluded.status")} > ${RANK("commands.status")} THEN coalesce(excluded.detail, commands.detail) ELSE commands.detail END,
         finished_at = coalesce(commands.finished_at, excluded.finished_at),
         attempts = greatest(commands.attempts, excluded.attempts)`,
      [c.id, sid, c.healingId ?? null, c.kind, JSON.stringify(c.params), c.status, c.attempts, c.detail ?? null, new Date(c.issuedAt), new Date(c.deadline), d(c.leaseUntil), d(c.finishedAt)],
    ),
  );

  return () => chain;
}
