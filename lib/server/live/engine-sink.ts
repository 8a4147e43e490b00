// Persists the engine's outputs (bottlenecks, predictions, failures, healings, commands) off the ingest path, with
// the rollup increments that count them in the same transaction, so the charts always agree with the history (docs/decisions.md#d27)
// and nothing counted is lost in a crash. Each swarm has its own queue: its outputs are stored in order (a failure
// before its healing, a healing before its commands), several per transaction when more are waiting, and a write
// that fails is retried with backoff until it is stored (docs/decisions.md#d31); other swarms do not wait for it. Each output is
// handed to `published` only once it is stored. Every write is fenced: it commits only in a transaction that finds
// the swarm's owner epoch unchanged (SELECT … FOR SHARE conflicts with a takeover's epoch increment), so an owner
// that was paused and replaced cannot commit stale outputs.
import type { Logger } from "pino";
import { mayWrite } from "../cluster/ownership-rules";
import type { Engine, EngineEventMap } from "@/lib/engine";
import type { Prisma } from "../../generated/prisma/client";
import type { ServerMetrics } from "../platform/server-metrics";
import { healingShare, outcomeShare, type RollupShare, shareChange } from "../db/engine-output-rollups";
import type { Db } from "../db/prisma";
import { rollupUpsert } from "../db/rollup-upsert";
import { SwarmWriteQueues } from "../db/swarm-write-queues";
import { issueCommand, timeOutCommand } from "../commands/command-store";

type Json = Prisma.InputJsonValue;
const d = (t: number | null | undefined) => (t === null || t === undefined ? null : new Date(t));

/** Stored engine outputs, by event name (what the live channel publishes). */
export type SinkEvent = Exclude<keyof EngineEventMap, "metrics.tick">;

/** The swarm and epoch under which this instance writes a swarm's outputs (null: it is not the owner). */
export type Fence = (swarm: string) => { swarmId: number; epoch: bigint } | null;

/** The sink: `drain` resolves when everything queued so far is stored; `record` stores (and publishes) an output
 * that did not come from this engine (a healing taken over from a previous owner). */
export type EngineSink = { drain: () => Promise<void>; record: <K extends SinkEvent>(name: K, payload: EngineEventMap[K]) => void };

/** How the sink queues and retries (defaults: 100k outputs, batches of 100, retries from 100 ms doubling to 2 s). */
export type SinkLimits = { maxQueued: number; maxBatch: number; firstDelayMs: number; maxDelayMs: number };

const LIMITS: SinkLimits = { maxQueued: 100_000, maxBatch: 100, firstDelayMs: 100, maxDelayMs: 2_000 };

/** An output whose writer is no longer the swarm's owner. */
class FencedOut extends Error {}

type Tx = Prisma.TransactionClient;
type Output = { name: SinkEvent; payload: EngineEventMap[SinkEvent]; owner: { swarmId: number; epoch: bigint } };
/** What storing one output did: whether to publish it (not when it was already stored) and what it counts. */
type Stored = { publish: boolean; shares: RollupShare[] };
type Store<P> = (tx: Tx, swarmId: number, payload: P) => Promise<Stored>;

const stored = (shares: (RollupShare | null)[] = []): Stored => ({
  publish: true,
  shares: shares.filter((s): s is RollupShare => s !== null),
});

/** Subscribes to the engine and stores its outputs under the fence. */
export function attachEngineSink(
  engine: Engine,
  deps: {
    db: Db;
    log: Logger;
    metrics: ServerMetrics;
    fence: Fence;
    published: <K extends SinkEvent>(name: K, payload: EngineEventMap[K]) => void;
    limits?: Partial<SinkLimits>;
  },
): EngineSink {
  const { db, log, metrics } = deps;
  const limits = { ...LIMITS, ...deps.limits };
  const stores = new Map<SinkEvent, Store<EngineEventMap[SinkEvent]>>();

  const write = async (swarm: string, batch: Output[]) => {
    const { swarmId, epoch } = batch[0]!.owner;
    const publish: Output[] = [];
    try {
      await db.$transaction(async (tx) => {
        const rows = await tx.$queryRaw<{ epoch: bigint }[]>`SELECT epoch FROM swarm_owners WHERE swarm_id = ${swarmId} FOR SHARE`;
        if (!mayWrite(epoch, rows[0]?.epoch ?? null)) throw new FencedOut(`epoch ${epoch} of ${swarm} is stale`);
        const shares: RollupShare[] = [];
        for (const output of batch) {
          const result = await stores.get(output.name)!(tx, swarmId, output.payload);
          if (result.publish) publish.push(output);
          else log.debug({ event: output.name, swarm }, "engine output already stored");
          shares.push(...result.shares);
        }
        const rollups = rollupUpsert(shares.map((s) => ({ swarmId, ...s })));
        if (rollups) await tx.$executeRawUnsafe(rollups.text, ...rollups.values);
      });
    } catch (e) {
      if (!(e instanceof FencedOut)) throw e;
      log.warn({ err: e.message, events: batch.map((o) => o.name) }, "engine outputs fenced out");
      metrics.engineOutputsDropped.inc({ reason: "fenced_out" }, batch.length);
      return;
    }
    for (const o of publish) {
      try {
        deps.published(o.name, o.payload);
      } catch (e) {
        log.error({ err: (e as Error).message, event: o.name }, "stored engine output not published");
      }
    }
  };

  const queues = new SwarmWriteQueues<Output>({
    ...limits,
    write,
    batchable: (first, next) => first.owner.swarmId === next.owner.swarmId && first.owner.epoch === next.owner.epoch,
    onRetry: (swarm, e, attempt, delayMs, items) => {
      metrics.engineOutputRetries.inc();
      log.warn({ err: (e as Error).message, swarm, attempt, delayMs, items }, "engine outputs not stored yet; retrying");
    },
  });
  metrics.observe({ engineOutputsQueued: () => queues.size });

  const record = <K extends SinkEvent>(name: K, payload: EngineEventMap[K]) => {
    const owner = deps.fence(payload.swarm);
    if (!owner) {
      metrics.engineOutputsDropped.inc({ reason: "not_owner" });
      return log.debug({ event: name, swarm: payload.swarm }, "engine output dropped: not the swarm's owner");
    }
    if (!queues.push(payload.swarm, { name, payload, owner })) {
      metrics.engineOutputsDropped.inc({ reason: "over_bound" });
      log.error({ event: name, swarm: payload.swarm, queued: queues.size }, "engine output dropped: the sink's queue is full");
    }
  };

  const on = <K extends SinkEvent>(name: K, store: Store<EngineEventMap[K]>) => {
    stores.set(name, store as Store<EngineEventMap[SinkEvent]>);
    engine.on(name, (payload) => record(name, payload));
  };

  const saveBottleneck: Store<EngineEventMap["bottleneck.detected"]> = async (tx, sid, { bottleneck: b }) => {
    const data = {
      type: b.type,
      severity: b.severity,
      impactScore: b.impactScore,
      affectedResources: b.affectedResources as Json,
      metrics: b.metrics as Json,
      recommendations: b.recommendations as Json,
      status: b.status,
      detectedAt: new Date(b.detectedAt),
      updatedAt: new Date(b.updatedAt),
      resolvedAt: d(b.resolvedAt),
    };
    const key = { id: b.id, swarmId: sid, detectedAt: data.detectedAt };
    const known = await tx.bottleneck.findUnique({ where: { id_swarmId_detectedAt: key }, select: { id: true } });
    await tx.bottleneck.upsert({ where: { id_swarmId_detectedAt: key }, create: { ...key, ...data }, update: data });
    return stored([known ? null : { at: b.detectedAt, delta: { bottlenecks: 1 } }]);
  };
  on("bottleneck.detected", saveBottleneck);
  on("bottleneck.updated", saveBottleneck);
  on("bottleneck.resolved", saveBottleneck);

  // The update carries the fresh evidence (confidence, ETA, reasoning, action); the decision columns belong to the
  // decision routes and are never written here.
  const savePrediction: Store<EngineEventMap["prediction.created"]> = async (tx, sid, { prediction: p }) => {
    const data = {
      failureType: p.failureType,
      agentId: p.agentId ?? null,
      confidence: p.confidence,
      predictedAt: new Date(p.predictedAt),
      expectedAt: new Date(p.expectedAt),
      reasoning: p.reasoning,
      recommendedAction: p.recommendedAction,
      source: p.source,
      patternIndicators: p.patternIndicators as Json,
      status: p.status,
      outcome: p.outcome ?? null,
    };
    const key = { id: p.id, swarmId: sid, predictedAt: data.predictedAt };
    const [before] = await tx.$queryRaw<{ outcome: string | null }[]>`
      SELECT outcome FROM predictions WHERE id = ${p.id}::uuid AND swarm_id = ${sid} AND predicted_at = ${data.predictedAt} FOR UPDATE`;
    const update = {
      status: data.status,
      outcome: data.outcome,
      confidence: data.confidence,
      expectedAt: data.expectedAt,
      reasoning: data.reasoning,
      recommendedAction: data.recommendedAction,
    };
    await tx.prediction.upsert({ where: { id_swarmId_predictedAt: key }, create: { ...key, ...data }, update });
    const change = shareChange(
      outcomeShare(before ? { outcome: before.outcome, predictedAt: p.predictedAt } : null),
      outcomeShare({ outcome: data.outcome, predictedAt: p.predictedAt }),
    );
    return stored([before ? null : { at: p.predictedAt, delta: { predictions: 1 } }, ...change]);
  };
  on("prediction.created", savePrediction);
  on("prediction.updated", savePrediction);

  on("failure.detected", async (tx, sid, { failure: f }) => {
    const key = { id: f.id, swarmId: sid, detectedAt: new Date(f.detectedAt) };
    if ((await tx.failure.updateMany({ where: key, data: { resolvedAt: d(f.resolvedAt) } })).count > 0) return stored();
    const event = (f.context as { event_id?: unknown }).event_id;
    const sourceEventId = typeof event === "string" ? event : null;
    // The source event's key first: it is what keeps one failure per event across the partitions. A failure
    // re-detected from a replayed event is already stored under another id: not stored, counted or published again.
    if (
      sourceEventId !== null &&
      (await tx.failureSource.createMany({ data: [{ swarmId: sid, sourceEventId, failureId: f.id }], skipDuplicates: true })).count === 0
    ) {
      return { publish: false, shares: [] };
    }
    await tx.failure.create({
      data: {
        ...key,
        failureType: f.failureType,
        agentId: f.agentId ?? null,
        taskId: f.taskId ?? null,
        severity: f.severity ?? null,
        context: f.context as Json,
        resolvedAt: d(f.resolvedAt),
        sourceEventId,
      },
    });
    return stored([{ at: f.detectedAt, delta: { failures: 1 } }]);
  });

  // A healing counts once it is a result; the row read first (and locked) says what it counted so far.
  const saveHealing: Store<EngineEventMap["healing.started"]> = async (tx, sid, { healing: h }) => {
    const data = {
      failureId: h.failureId ?? null,
      predictionId: h.predictionId ?? null,
      failureType: h.failureType,
      strategy: h.strategy,
      status: h.status,
      trigger: h.trigger,
      actions: h.actions as Json,
      reason: h.reason ?? null,
      healMs: h.healMs ?? null,
      recoveryMs: h.recoveryMs ?? null,
      startedAt: new Date(h.startedAt),
      finishedAt: d(h.finishedAt),
    };
    const key = { id: h.id, swarmId: sid, startedAt: data.startedAt };
    const [before] = await tx.$queryRaw<{ status: string; finished_at: Date | null; heal_ms: number | null; recovery_ms: number | null }[]>`
      SELECT status::text, finished_at, heal_ms, recovery_ms FROM healings WHERE id = ${h.id}::uuid AND swarm_id = ${sid} AND started_at = ${data.startedAt} FOR UPDATE`;
    await tx.healing.upsert({ where: { id_swarmId_startedAt: key }, create: { ...key, ...data }, update: data });
    const was = before
      ? {
          status: before.status,
          startedAt: h.startedAt,
          finishedAt: before.finished_at?.getTime() ?? null,
          healMs: before.heal_ms,
          recoveryMs: before.recovery_ms,
        }
      : null;
    return stored(
      shareChange(
        healingShare(was),
        healingShare({
          status: h.status,
          startedAt: h.startedAt,
          finishedAt: h.finishedAt ?? null,
          healMs: h.healMs ?? null,
          recoveryMs: h.recoveryMs ?? null,
        }),
      ),
    );
  };
  on("healing.started", saveHealing);
  on("healing.finished", saveHealing);

  on("failure.resolved", async (tx, sid, { failureId, resolvedAt }) => {
    await tx.failure.updateMany({ where: { id: failureId, swarmId: sid }, data: { resolvedAt: new Date(resolvedAt) } });
    return stored();
  });

  // The command store is the one writer of command rows. The engine's own verdicts (a command issued, a deadline
  // passed) are stored through it here; every other state was stored by the coordinator link before the engine
  // learned of it as an input, so its echo is only published.
  on("command.updated", async (tx, sid, { command: c }) => {
    if (c.status === "pending") await issueCommand(tx, sid, c);
    else if (c.status === "timed_out") await timeOutCommand(tx, sid, c);
    return stored();
  });

  // The engine is the only writer of incidents; an update carries the whole record.
  on("incident.updated", async (tx, sid, { incident: i }) => {
    const data = {
      source: i.source,
      failureType: i.failureType,
      agentId: i.agentId,
      severity: i.severity,
      target: i.target,
      state: i.state,
      reason: i.reason,
      healingId: i.healingId,
      openedAt: new Date(i.openedAt),
      updatedAt: new Date(i.updatedAt),
      resolvedAt: d(i.resolvedAt),
    };
    await tx.incident.upsert({
      where: { id_swarmId: { id: i.id, swarmId: sid } },
      create: { id: i.id, swarmId: sid, ...data },
      update: data,
    });
    return stored();
  });

  return { drain: () => queues.drain(), record };
}
