// The persisted command lifecycle (docs/decisions.md#d19): pending → dispatched (leased) → acknowledged → succeeded | failed |
// timed_out. Claims use FOR UPDATE SKIP LOCKED so concurrent pollers (or instances) never get the same command,
// and a command whose lease expired without a result is claimed again (the receiver dedupes by command id). Every
// claim is a dispatch attempt and is audit-logged in the same statement (command.dispatched, with its attempt number).
// This file is the one writer of command rows: the engine's issued commands and deadline verdicts come in through the
// engine sink, claims and results through the coordinator link and the webhook dispatcher.
import type pg from "pg";
import type { CommandRecord } from "@/lib/engine";

/** What the store writes through: the shared pool, or the transaction of the engine sink's fenced write. */
type Sql = { $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number> };

/** Default lease: how long a claimed command stays with one receiver before it may be re-delivered. */
export const LEASE_MS = 30_000;

/** A command as handed to a coordinator (docs/contract.md#coordinator-link). */
export type DeliveredCommand = {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  issued_at: string;
  deadline: string;
  attempts: number;
  lease_until: string;
};

type Row = {
  id: string;
  kind: string;
  params: Record<string, unknown>;
  issued_at: Date;
  deadline: Date;
  attempts: number;
  lease_until: Date;
};

/** Who receives claimed commands (recorded in the audit entry of each dispatch attempt). */
export type Receiver = "pull" | "webhook" | "simulator";

/** Claims up to `limit` due commands of a swarm (pending, or leased out and expired) for `leaseMs`, auditing each attempt. */
export async function claimCommands(
  pool: pg.Pool,
  swarmId: number,
  now: number,
  limit = 50,
  leaseMs = LEASE_MS,
  via: Receiver = "pull",
): Promise<DeliveredCommand[]> {
  const { rows } = await pool.query<Row>(
    `WITH due AS (
       SELECT id, issued_at FROM commands
       WHERE swarm_id = $1 AND deadline > $2
         AND (status = 'pending' OR (status IN ('dispatched', 'acknowledged') AND lease_until < $2))
       ORDER BY issued_at LIMIT $3
       FOR UPDATE SKIP LOCKED
     ),
     claimed AS (
       UPDATE commands c SET status = 'dispatched', lease_until = $4, attempts = c.attempts + 1
       FROM due WHERE c.id = due.id AND c.swarm_id = $1 AND c.issued_at = due.issued_at
       RETURNING c.id, c.kind, c.params, c.issued_at, c.deadline, c.attempts, c.lease_until, c.healing_id
     ),
     audited AS (
       INSERT INTO audit_log (actor_type, actor_id, action, target, result, swarm_id, detail)
       SELECT 'system', 'coordinator-link', 'command.dispatched', 'command:' || id, 'ok', $1,
              jsonb_build_object('attempt', attempts, 'kind', kind, 'healing_id', healing_id, 'lease_until', lease_until, 'via', $5::text)
       FROM claimed
     )
     SELECT id, kind, params, issued_at, deadline, attempts, lease_until FROM claimed`,
    [swarmId, new Date(now), limit, new Date(now + leaseMs), via],
  );
  return rows
    .sort((a, b) => a.issued_at.getTime() - b.issued_at.getTime())
    .map((r) => ({
      id: r.id,
      kind: r.kind,
      params: r.params,
      issued_at: r.issued_at.toISOString(),
      deadline: r.deadline.toISOString(),
      attempts: r.attempts,
      lease_until: r.lease_until.toISOString(),
    }));
}

/** The stored state of a command after a result was reported. */
export type ResultOutcome = { id: string; status: string; detail: string | null; changed: boolean };

/** Records a coordinator's result; idempotent: a command that already has a final state keeps it. Null if unknown. */
export async function recordCommandResult(
  pool: pg.Pool,
  swarmId: number,
  id: string,
  result: { status: "succeeded" | "failed"; detail?: string | undefined },
  now: number,
): Promise<ResultOutcome | null> {
  const updated = await pool.query<{ id: string; status: string; detail: string | null }>(
    `UPDATE commands SET status = $3, detail = $4, finished_at = $5, lease_until = NULL
     WHERE id = $1 AND swarm_id = $2 AND status NOT IN ('succeeded', 'failed', 'timed_out') RETURNING id, status, detail`,
    [id, swarmId, result.status, result.detail ?? null, new Date(now)],
  );
  if (updated.rows[0]) return { ...updated.rows[0], changed: true };
  const { rows } = await pool.query<{ id: string; status: string; detail: string | null }>(
    "SELECT id, status, detail FROM commands WHERE id = $1 AND swarm_id = $2",
    [id, swarmId],
  );
  return rows[0] ? { ...rows[0], changed: false } : null;
}

/** Stores a command the engine just issued (pending); a re-delivered output of the same command changes nothing. */
export async function issueCommand(sql: Sql, swarmId: number, c: CommandRecord): Promise<void> {
  await sql.$executeRawUnsafe(
    `INSERT INTO commands (id, swarm_id, healing_id, kind, params, status, attempts, detail, issued_at, deadline)
     VALUES ($1::uuid, $2, $3::uuid, $4, $5::jsonb, 'pending', 0, $6, $7::timestamptz, $8::timestamptz)
     ON CONFLICT (id, swarm_id, issued_at) DO NOTHING`,
    c.id,
    swarmId,
    c.healingId ?? null,
    c.kind,
    JSON.stringify(c.params),
    c.detail ?? null,
    new Date(c.issuedAt),
    new Date(c.deadline),
  );
}

/** Records that a command's deadline passed without a result (the engine's verdict); a final state already stored stands. */
export async function timeOutCommand(sql: Sql, swarmId: number, c: CommandRecord): Promise<void> {
  await sql.$executeRawUnsafe(
    `UPDATE commands SET status = 'timed_out', finished_at = $4::timestamptz, lease_until = NULL, detail = coalesce(detail, $5)
     WHERE id = $1::uuid AND swarm_id = $2 AND issued_at = $3::timestamptz AND status NOT IN ('succeeded', 'failed', 'timed_out')`,
    c.id,
    swarmId,
    new Date(c.issuedAt),
    new Date(c.finishedAt ?? c.deadline),
    c.detail ?? "deadline passed",
  );
}

/** Times out every command past `cutoff` without a result (the storage-side sweep); returns their healings' ids. */
export async function timeOutOverdueCommands(pool: pg.Pool, cutoff: number, now: number): Promise<(string | null)[]> {
  const { rows } = await pool.query<{ healing_id: string | null }>(
    `UPDATE commands SET status = 'timed_out', finished_at = $2, detail = coalesce(detail, 'no result before the deadline')
     WHERE status IN ('pending', 'dispatched', 'acknowledged') AND deadline < $1 RETURNING healing_id`,
    [new Date(cutoff), new Date(now)],
  );
  return rows.map((r) => r.healing_id);
}
