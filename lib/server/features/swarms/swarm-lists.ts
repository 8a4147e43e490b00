// Newest-first, time-bounded, cursor-paged lists of a swarm's bottlenecks, predictions, failures and healings
// (docs/contract.md#read-and-act), read with Prisma and shaped as the contract's snake_case items.
import { z } from "zod";
import { decodeCursor, pageQuery, timeWindow, toPage } from "../../http/cursor";
import { notFound } from "../../http/errors";
import type { SwarmRef } from "../../http/route";
import type { Db } from "../../db/prisma";
import { commandsOf } from "../../db/history-links";
import { bottleneckItem, failureItem, healingItem, incidentItem, predictionItem } from "../items/items";

/** The stored swarm of this name, or null: the one lookup of a swarm by name (routes get it as `ctx.swarm`). */
export async function findSwarm(db: Db, name: string): Promise<SwarmRef | null> {
  return db.swarm.findUnique({ where: { name }, select: { id: true, name: true } });
}

/** The id of a swarm by name, or 404. */
export async function requireSwarm(db: Db, name: string): Promise<number> {
  const s = await findSwarm(db, name);
  if (!s) throw notFound(`Swarm "${name}"`);
  return s.id;
}

/** Prisma `where` for a keyset page over (timeField desc, id desc) inside a time window. */
function keyset(field: string, q: z.output<typeof pageQuery>, now: number) {
  const { from, to } = timeWindow(q, now);
  const where: Record<string, unknown> = { [field]: { gte: from, lte: to } };
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    where.OR = [{ [field]: { lt: c.t } }, { [field]: c.t, id: { lt: c.key } }];
  }
  return { where, orderBy: [{ [field]: "desc" as const }, { id: "desc" as const }], take: q.limit + 1 };
}

/** Query of the bottleneck list. */
export const bottleneckQuery = pageQuery.extend({ status: z.enum(["active", "resolved", "all"]).default("all") });

/** GET /swarms/{swarm}/bottlenecks. */
export async function listBottlenecks(db: Db, swarmId: number, q: z.output<typeof bottleneckQuery>, now: number) {
  const k = keyset("detectedAt", q, now);
  const rows = await db.bottleneck.findMany({ ...k, where: { swarmId, ...k.where, ...(q.status === "all" ? {} : { status: q.status }) } });
  const { page, next_cursor } = toPage(rows, q.limit, (r) => ({ t: r.detectedAt, key: r.id }));
  return { items: page.map(bottleneckItem), next_cursor };
}

/** Query of the incident list: `open` (not resolved, the default), `resolved` or `all`. */
export const incidentQuery = pageQuery.extend({ state: z.enum(["open", "resolved", "all"]).default("open") });

/** GET /swarms/{swarm}/incidents: each fault with how it is handled now, newest first. */
export async function listIncidents(db: Db, swarmId: number, q: z.output<typeof incidentQuery>, now: number) {
  const k = keyset("openedAt", q, now);
  const state = q.state === "all" ? {} : q.state === "open" ? { state: { not: "resolved" } } : { state: "resolved" };
  const rows = await db.incident.findMany({ ...k, where: { swarmId, ...k.where, ...state } });
  const { page, next_cursor } = toPage(rows, q.limit, (r) => ({ t: r.openedAt, key: r.id }));
  return { items: page.map(incidentItem), next_cursor };
}

/** Query of the prediction list. */
export const predictionQuery = pageQuery.extend({
  status: z.enum(["observed", "open", "approved", "rejected", "expired", "all"]).default("all"),
  min_confidence: z.coerce.number().min(0).max(1).optional(),
});

/** GET /swarms/{swarm}/predictions. */
export async function listPredictions(db: Db, swarmId: number, q: z.output<typeof predictionQuery>, now: number) {
  const k = keyset("predictedAt", q, now);
  const rows = await db.prediction.findMany({
    ...k,
    where: {
      swarmId,
      ...k.where,
      ...(q.status === "all" ? {} : { status: q.status }),
      ...(q.min_confidence !== undefined ? { confidence: { gte: q.min_confidence } } : {}),
    },
  });
  const { page, next_cursor } = toPage(rows, q.limit, (r) => ({ t: r.predictedAt, key: r.id }));
  return { items: page.map(predictionItem), next_cursor };
}

/** Query of the failure list. */
export const failureQuery = pageQuery.extend({ failure_type: z.string().max(64).optional(), agent_id: z.string().max(128).optional() });

/** GET /swarms/{swarm}/failures. */
export async function listFailures(db: Db, swarmId: number, q: z.output<typeof failureQuery>, now: number) {
  const k = keyset("detectedAt", q, now);
  const rows = await db.failure.findMany({
    ...k,
    where: {
      swarmId,
      ...k.where,
      ...(q.failure_type ? { failureType: q.failure_type } : {}),
      ...(q.agent_id ? { agentId: q.agent_id } : {}),
    },
  });
  const { page, next_cursor } = toPage(rows, q.limit, (r) => ({ t: r.detectedAt, key: r.id }));
  return { items: page.map(failureItem), next_cursor };
}

/** Query of the healing list. */
export const healingQuery = pageQuery.extend({
  strategy: z.string().max(64).optional(),
  failure_type: z.string().max(64).optional(),
  trigger: z.enum(["detected", "preventive", "manual"]).optional(),
  status: z.enum(["pending", "running", "succeeded", "failed", "cancelled"]).optional(),
});

/** GET /swarms/{swarm}/healings (each with its commands). */
export async function listHealings(db: Db, swarmId: number, q: z.output<typeof healingQuery>, now: number) {
  const k = keyset("startedAt", q, now);
  const rows = await db.healing.findMany({
    ...k,
    where: {
      swarmId,
      ...k.where,
      ...(q.strategy ? { strategy: q.strategy } : {}),
      ...(q.failure_type ? { failureType: q.failure_type } : {}),
      ...(q.trigger ? { trigger: q.trigger } : {}),
      ...(q.status ? { status: q.status } : {}),
    },
  });
  const { page, next_cursor } = toPage(rows, q.limit, (r) => ({ t: r.startedAt, key: r.id }));
  const commands = await commandsOf(
    db,
    swarmId,
    page.map((h) => h.id),
  );
  return { items: page.map((h) => healingItem(h, commands.get(h.id))), next_cursor };
}

/** A swarm's stored history lists for the API routes. */
export class SwarmHistory {
  constructor(private readonly deps: { db: Db }) {}

  /** See listBottlenecks. */
  bottlenecks(swarm: SwarmRef, q: z.output<typeof bottleneckQuery>, now: number) {
    return listBottlenecks(this.deps.db, swarm.id, q, now);
  }

  /** See listIncidents. */
  incidents(swarm: SwarmRef, q: z.output<typeof incidentQuery>, now: number) {
    return listIncidents(this.deps.db, swarm.id, q, now);
  }

  /** See listPredictions. */
  predictions(swarm: SwarmRef, q: z.output<typeof predictionQuery>, now: number) {
    return listPredictions(this.deps.db, swarm.id, q, now);
  }

  /** See listFailures. */
  failures(swarm: SwarmRef, q: z.output<typeof failureQuery>, now: number) {
    return listFailures(this.deps.db, swarm.id, q, now);
  }

  /** See listHealings. */
  healings(swarm: SwarmRef, q: z.output<typeof healingQuery>, now: number) {
    return listHealings(this.deps.db, swarm.id, q, now);
  }
}
