// The append-only audit log: who did what to what, and with which result (the table refuses updates/deletes).
import type { Principal } from "../../auth/principal";
import type { Db } from "../../db/prisma";
import type { Prisma } from "../../../generated/prisma/client";

/** One audit entry. */
export type AuditEntry = {
  actor: Principal | { kind: "system"; id: string };
  action: string;
  target?: string;
  result: "ok" | "denied" | "conflict" | "error";
  swarmId?: number;
  detail?: Record<string, unknown>;
};

/** The actor's label as recorded (email for users, token id for scripts, component for the system). */
export function actorLabel(actor: AuditEntry["actor"]): string {
  return actor.kind === "user" ? actor.email : actor.kind === "token" ? (actor.name ? `${actor.id} (${actor.name})` : actor.id) : actor.id;
}

/** Appends an entry. */
export async function audit(db: Db, e: AuditEntry): Promise<void> {
  await db.auditLog.create({
    data: {
      actorType: e.actor.kind,
      actorId: actorLabel(e.actor),
      action: e.action,
      target: e.target ?? null,
      result: e.result,
      swarmId: e.swarmId ?? null,
      detail: (e.detail ?? {}) as Prisma.InputJsonValue,
    },
  });
}
