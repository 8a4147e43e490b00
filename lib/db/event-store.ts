// The hot ingest write: one statement per batch (jsonb_to_recordset → event_keys dedup → events insert),
// atomic, idempotent by (swarm, event id), through the shared pool.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { ValidEvent } from "../ingest/validate-batch";

/** A validated event with its final id; `keyed` is false when the server generated the id. */
export type StoredEvent = ValidEvent & { eventId: string };

/** Result of storing one batch. */
export type StoreResult = { accepted: number; duplicates: number; stored: StoredEvent[] };

const INSERT_SQL = `
WITH input AS (
  SELECT * FROM jsonb_to_recordset($2::jsonb)
    AS t(i int, event_id text, type text, ts timestamptz, agent_id text, task_id text, body jsonb, keyed boolean)
), fresh AS (
  INSERT INTO event_keys (swarm_id, event_id)
  SELECT $1, event_id FROM input WHERE keyed
  ON CONFLICT DO NOTHING
  RETURNING event_id
)
INSERT INTO events (swarm_id, event_id, type, ts, agent_id, task_id, body, received_at)
SELECT $1, i.event_id, i.type, i.ts, i.agent_id, i.task_id, i.body, $3
FROM input i
WHERE NOT i.keyed OR i.event_id IN (SELECT event_id FROM fresh)
RETURNING event_id`;

/** Stores a validated batch for a swarm; duplicates (within the batch or already stored) are skipped. */
export async function storeEvents(pool: pg.Pool, swarmId: number, events: ValidEvent[], receivedAt: Date): Promise<StoreResult> {
  const seen = new Set<string>();
  const unique: StoredEvent[] = [];
  for (const e of events) {
    if (e.id !== undefined) {
      if (seen.has(e.id)) continue;
      seen.add(e.id);
    }
    unique.push({ ...e, eventId: e.id ?? randomUUID() });
  }
  if (unique.length === 0) return { accepted: 0, duplicates: events.length, stored: [] };
  const rows = unique.map((e, i) => ({
    i,
    event_id: e.eventId,
    type: e.type,
    ts: new Date(e.ts).toISOString(),
    agent_id: e.agentId ?? null,
    task_id: e.taskId ?? null,
    body: e.raw,
    keyed: e.id !== undefined,
  }));
  const { rows: inserted } = await pool.query<{ event_id: string }>(INSERT_SQL, [swarmId, JSON.stringify(rows), receivedAt]);
  const fresh = new Set(inserted.map((r) => r.event_id));
  const stored = unique.filter((e) => fresh.has(e.eventId));
  return { accepted: stored.length, duplicates: events.length - stored.length, stored };
}
