// Persists the engine's outputs (bottlenecks, predictions, failures, healings, commands) and their rollups,
// in order, off the ingest path; each change is handed to `published` once it is stored. Every write is fenced:
// it commits only in a transaction that finds the swarm's owner epoch unchanged (SELECT … FOR SHARE conflicts with
// a takeover's epoch increment), so an owner that was paused and replaced cannot commit stale outputs.
import type { Logger } from "pino";
import { mayWrite } from "../cluster/ownership-rules";
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

/** The swarm and epoch under which this instance writes a swarm's outputs (null: it is not the owner). */
export type Fence = (swarm: string) => { swarmId: number; epoch: bigint } | null;

/** The sink: `drain` resolves when everything queued so far is stored; `record` stores (and publishes) an output
 * that did not come from this engine (a healing taken over from a previous owner). */
export type EngineSink = { drain: () => Promise<void>; record: <K extends SinkEvent>(name: K, payload: EngineEventMap[K]) => void };

/** An output whose writer is no longer the swarm's owner. */
class FencedOut extends Error {}

/** An output already stored under another id (a failure re-detected from a replayed event): not stored, counted or
 * published again. */
class AlreadyStored extends Error {}

type Tx = Prisma.TransactionClient;

/** Subscribes to the engine and stores its outputs under the fence. */
export function attachEngineSink(
  engine: Engine,
  deps: { db: Db; rollups: RollupBuffer; log: Logger; fence: Fence; published: <K extends SinkEvent>(name: K, payload: EngineEventMap[K]) => void },
): EngineSink {
  const { db, rollups, log } = deps;
  let chain: Promise<void> = Promise.resolve();
  const stores = new Map<SinkEvent, (tx: Tx, swarmId: number, payload: never) => Promise<unknown>>();
  const afters = new Map<SinkEvent, (swarmId: number, payload: never) => Promise<void> | void>();

  const record = <K extends SinkEvent>(name: K, payload: EngineEventMap[K]) => {
    const owner = deps.fence(payload.swarm);
    if (!owner) return log.debug({ event: name, swarm: payload.swarm }, "engine output dropped: not the swarm's owner");
    const store = stores.get(name) as (tx: Tx, swarmId: number, payload: EngineEventMap[K]) => Promise<unknown>;
    chain = chain
      .then(async () => {
        await db.$transaction(async (tx) => {
          const rows = await tx.$queryRaw<{ epoch: bigint }[]>`SELECT epoch FROM swarm_owners WHERE swarm_id = ${owner.swarmId} FOR SHARE`;
          if (!mayWrite(owner.epoch, rows[0]?.epoch ?? null)) throw new FencedOut(`epoch ${owner.epoch} of ${payload.swarm} is stale`);
          await store(tx, owner.swarmId, payload);
        });
        await (afters.get(name) as ((swarmId: number, payload: EngineEventMap[K]) => Promise<void> | void) | undefined)?.(owner.swarmId, payload);
        deps.published(name, payload);
      })
      .catch((e: Error) => {
        if (e instanceof AlreadyStored) log.debug({ err: e.message, event: name }, "engine output already stored");
        else if (e instanceof FencedOut) log.warn({ err: e.message, event: name }, "engine output fenced out");
        else log.error({ err: e.message, event: name }, "engine output not stored");
      });
  };

  const on = <K extends SinkEvent>(name: K, store: (tx: Tx, swarmId: number, payload: EngineEventMap[K]) => Promise<unknown>, after?: (swarmId: number, payload: EngineEventMap[K]) => Promise<void> | void) => {
    stores.set(name, store as (tx: Tx, swarmId: number, payload: never) => Promise<unknown>);
    if (after) afters.set(name, after as (swarmId: number, payload: never) => Promise<void> | void);
    engine.on(name, (payload) => record(name, payload));
  };

  const saveBottleneck = (tx: Tx, sid: number, { bottleneck: b }: EngineEventMap["bottleneck.detected"]) => {
    const data = {
      type: b.type, severity: b.severity, impactScore: b.impactScore, affectedResources: b.affectedResources as Json, metrics: b.metrics as Json,
      recommendations: b.recommendations as Json, status: b.status, detectedAt: new Date(b.detectedAt), updatedAt: new Date(b.updatedAt), resolvedAt: d(b.resolvedAt),
    };
    const key = { id: b.id, swarmId: sid, detectedAt: data.detectedAt };
    return tx.bottleneck.upsert({ where: { id_swarmId_detectedAt: key }, create: { ...key, ...data }, update: data });
  };
  on("bottleneck.detected", saveBottleneck, (sid, p) => rollups.add(sid, p.bottleneck.detectedAt, { bottlenecks: 1 }));
  on("bottleneck.updated", saveBottleneck);
  on("bottleneck.resolved", saveBottleneck);

  const savePrediction = (tx: Tx, sid: number, { prediction: p }: EngineEventMap["prediction.created"]) => {
    const data = {
      failureType: p.failureType, agentId: p.agentId ?? null, confidence: p.confidence, predictedAt: new Date(p.predictedAt), expectedAt: new Date(p.expectedAt),
      reasoning: p.reasoning, recommendedAction: p.recommendedAction, source: p.source, patternIndicators: p.patternIndicators as Json, status: p.status,
      outcome: p.outcome ?? null,
    };
    const key = { id: p.id, swarmId: sid, predictedAt: data.predictedAt };
    return tx.prediction.upsert({ where: { id_swarmId_predictedAt: key }, create: { ...key, ...data }, update: { status: data.status, outcome: data.outcome } });
  };
  on("prediction.created", savePrediction, (sid, p) => rollups.add(sid, p.prediction.predictedAt, { predictions: 1 }));
  on("prediction.updated", savePrediction, (sid, p) => {
    const o = p.prediction.outcome;
    if (o === "confirmed" || o === "prevented" || o === "false_positive") {
      rollups.add(sid, p.prediction.predictedAt, { [o === "confirmed" ? "predictions_confirmed" : o === "prevented" ? "predictions_prevented" : "predictions_false"]: 1 });
    }
  });

  on(
    "failure.detected",
    async (tx, sid, { failure: f }) => {
      const key = { id: f.id, swarmId: sid, detectedAt: new Date(f.detectedAt) };
      if ((await tx.failure.updateMany({ where: key, data: { resolvedAt: d(f.resolvedAt) } })).count > 0) return;
      const event = (f.context as { event_id?: unknown }).event_id;
      const sourceEventId = typeof event === "string" ? event : null;
      // The source event's key first: it is what keeps one failure per event across the partitions.
      if (sourceEventId !== null && (await tx.failureSource.createMany({ data: [{ swarmId: sid, sourceEventId, failureId: f.id }], skipDuplicates: true })).count === 0) {
        throw new AlreadyStored(`failure from event ${sourceEventId} is already stored`);
      }
      await tx.failure.create({
        data: { ...key, failureType: f.failureType, agentId: f.agentId ?? null, taskId: f.taskId ?? null, severity: f.severity ?? null, context: f.context as Json, resolvedAt: d(f.resolvedAt), sourceEventId },
      });
    },
    (sid, { failure: f }) => rollups.add(sid, f.detectedAt, { failures: 1 }),
  );

  const saveHealing = (tx: Tx, sid: number, { healing: h }: EngineEventMap["healing.started"]) => {
    const data = {
      failureId: h.failureId ?? null, predictionId: h.predictionId ?? null, failureType: h.failureType, strategy: h.strategy, status: h.status, trigger: h.trigger,
      actions: h.actions as Json, reason: h.reason ?? null, healMs: h.healMs ?? null, recoveryMs: h.recoveryMs ?? null, startedAt: new Date(h.startedAt), finishedAt: d(h.finishedAt),
    };
    const key = { id: h.id, swarmId: sid, startedAt: data.startedAt };
    return tx.healing.upsert({ where: { id_swarmId_startedAt: key }, create: { ...key, ...data }, update: data });
  };
  on("healing.started", saveHealing);
  // A finished healing's rollups are written before it is published: the MTTR and strategy charts refetch on that
  // event and must find it (the once-a-second flush would leave them a beat behind until the next event). A failed
  // flush keeps the increments for the next one.
  on("healing.finished", saveHealing, (sid, { healing: h }) => {
    rollups.add(sid, h.finishedAt ?? h.startedAt, {
      healings: 1, healings_succeeded: h.status === "succeeded" ? 1 : 0, heal_ms_sum: h.healMs ?? 0,
      recovery_ms_sum: h.recoveryMs ?? 0, recoveries: h.recoveryMs === null || h.recoveryMs === undefined ? 0 : 1,
    });
    return rollups.flush().catch((e: Error) => log.warn({ err: e.message }, "rollup flush after a healing failed; will retry"));
  });

  on("failure.resolved", (tx, sid, { failureId, resolvedAt }) => tx.failure.updateMany({ where: { id: failureId, swarmId: sid }, data: { resolvedAt: new Date(resolvedAt) } }));

  // Commands move forward only: the coordinator link (claims, results) and the engine both report states,
  // and whichever reports the later state wins; the first final state stands.
  on("command.updated", (tx, sid, { command: c }) =>
    tx.$executeRawUnsafe(
      `INSERT INTO commands (id, swarm_id, healing_id, kind, params, status, attempts, detail, issued_at, deadline, lease_until, finished_at)
       VALUES ($1::uuid, $2, $3::uuid, $4, $5::jsonb, $6::"CommandStatus", $7, $8, $9::timestamptz, $10::timestamptz, $11::timestamptz, $12::timestamptz)
       ON CONFLICT (id, swarm_id, issued_at) DO UPDATE SET
         status = CASE WHEN ${RANK("excluded.status")} > ${RANK("commands.status")} THEN excluded.status ELSE commands.status END,
         detail = CASE WHEN ${RANK("excluded.status")} > ${RANK("commands.status")} THEN coalesce(excluded.detail, commands.detail) ELSE commands.detail END,
         finished_at = coalesce(commands.finished_at, excluded.finished_at),
         attempts = greatest(commands.attempts, excluded.attempts)`,
      c.id, sid, c.healingId ?? null, c.kind, JSON.stringify(c.params), c.status, c.attempts, c.detail ?? null, new Date(c.issuedAt), new Date(c.deadline), d(c.leaseUntil), d(c.finishedAt),
    ),
  );

  return { drain: () => chain, record };
}
