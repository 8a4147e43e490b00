// GET /audit: the audit log newest first, filtered by swarm, actor, action and time, cursor-paged on (at, id).
import { z } from "zod";
import { decodeCursor, pageQuery, timeWindow, toPage } from "../../http/cursor";
import { ApiError } from "../../http/errors";
import type { Db } from "../../db/prisma";
import type { Prisma } from "../../../generated/prisma/client";
import { requireSwarm } from "../swarms/swarm-lists";
import { swarmNameSchema } from "../../../contract/swarm-name";
import type { AuditItem } from "../../../contract/items/audit";
import type { Page } from "../../../contract/items/page";

/** Query of the audit list: `actor` matches part of the actor, `action` an action or its dotted prefix ("ingest_key"). */
export const auditQuery = pageQuery.extend({
  swarm: swarmNameSchema.optional(),
  actor: z.string().trim().min(1).max(200).optional(),
  action: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_.]{0,63}$/, "not an action")
    .optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
});

const DAY = 86_400_000;

/** A page of audit entries, newest first (default window: the last 90 days). */
export async function listAudit(db: Db, q: z.output<typeof auditQuery>, now: number): Promise<Page<AuditItem>> {
  const { from, to } = timeWindow(q, now, 90 * DAY);
  const where: Prisma.AuditLogWhereInput = { at: { gte: from, lte: to } };
  if (q.swarm) where.swarmId = await requireSwarm(db, q.swarm);
  if (q.actor) where.actorId = { contains: q.actor, mode: "insensitive" };
  if (q.action) where.OR = [{ action: q.action }, { action: { startsWith: `${q.action}.` } }];
  if (q.cursor) {
    const c = decodeCursor(q.cursor);
    if (!/^\d{1,19}$/.test(c.key)) throw new ApiError(400, "invalid_cursor", "The cursor is not valid.");
    where.AND = [{ OR: [{ at: { lt: c.t } }, { at: c.t, id: { lt: BigInt(c.key) } }] }];
  }
  const rows = await db.auditLog.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], take: q.limit + 1 });
  const { page, next_cursor } = toPage(rows, q.limit, (r) => ({ t: r.at, key: String(r.id) }));
  const swarmIds = [...new Set(page.flatMap((r) => (r.swarmId === null ? [] : [r.swarmId])))];
  const names = new Map(
    (await db.swarm.findMany({ where: { id: { in: swarmIds } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]),
  );
  return {
    items: page.map((r) => ({
      id: String(r.id),
      at: r.at.toISOString(),
      actor: r.actorId,
      actor_type: r.actorType,
      action: r.action,
      target: r.target,
      result: r.result,
      swarm: r.swarmId === null ? null : (names.get(r.swarmId) ?? null),
      detail: r.detail,
    })),
    next_cursor,
  };
}

/** The audit log as the API reads it. */
export class AuditTrail {
  constructor(private readonly deps: { db: Db }) {}

  /** See listAudit. */
  list(q: z.output<typeof auditQuery>, now: number) {
    return listAudit(this.deps.db, q, now);
  }
}
