// The reader on real rows: local transactions' rows are never returned, pages stop at the limit, and once caught up
// the position moves to just below the safe horizon (the oldest running transaction), never past it.
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { cloneDatabase } from "../../../test/db";
import { type EventRow, insertEventRows } from "../ingest/event-store";
import { createPool } from "../db/pool";
import { readAfter } from "./event-reader";
import { START } from "./feed-ledger";

let pool: pg.Pool;
let swarmId: number;

beforeAll(async () => {
  pool = createPool(await cloneDatabase(inject("testServerUrl"), inject("templateDb")), 4);
  swarmId = (await pool.query<{ id: number }>("INSERT INTO swarms (name) VALUES ('reader') RETURNING id")).rows[0]!.id;
});
afterAll(() => pool.end());

const row = (id: string): EventRow => {
  const at = Date.now();
  return {
    swarm_id: swarmId,
    event_id: id,
    type: "heartbeat",
    ts: at,
    agent_id: "a",
    task_id: null,
    received_at: at,
    body: { id },
    keyed: true,
  };
};
const store = async (...ids: string[]) => BigInt((await insertEventRows(pool, ids.map(row))).tx);
const ids = (page: Awaited<ReturnType<typeof readAfter>>) => page.rows.map((r) => r.event.id);
const MAX_SEQ = 9_223_372_036_854_775_807n;

it("returns the other transactions' rows in order and steps over the local ones", async () => {
  await store("a1", "a2");
  const local = await store("b1", "b2");
  const c = await store("c1");
  const page = await readAfter(pool, swarmId, START, [local], 10);
  expect(ids(page)).toEqual(["a1", "a2", "c1"]);
  expect(page.scanned).toBe(3);
  expect(page.last!.tx).toBeGreaterThanOrEqual(c);
  expect(page.last!.seq).toBe(MAX_SEQ);
});

it("a full page ends at its last row; the next one continues after it", async () => {
  const first = await readAfter(pool, swarmId, START, [], 2);
  expect(ids(first)).toEqual(["a1", "a2"]);
  expect(first.last).toEqual({ tx: first.rows[1]!.tx, seq: first.rows[1]!.seq });
  expect(ids(await readAfter(pool, swarmId, first.last!, [], 2))).toEqual(["b1", "b2"]);
});

it("caught up behind a running transaction: the position stops below it, and its rows come once it commits", async () => {
  const before = await readAfter(pool, swarmId, START, [], 100);
  const other = await pool.connect();
  try {
    await other.query("BEGIN");
    await other.query(
      "INSERT INTO events (swarm_id, event_id, type, ts, agent_id, received_at, body) VALUES ($1, 'e1', 'heartbeat', now(), 'a', now(), '{}')",
      [swarmId],
    );
    const running = BigInt((await other.query<{ tx: string }>("SELECT pg_current_xact_id()::text AS tx")).rows[0]!.tx);
    await store("f1");
    const held = await readAfter(pool, swarmId, before.last!, [], 100);
    expect(ids(held)).toEqual([]);
    // Below the oldest running transaction (ours, or an older one of another test on the same server).
    expect(held.last!.tx).toBeLessThanOrEqual(running - 1n);
    expect(held.last!.seq).toBe(MAX_SEQ);
    await other.query("COMMIT");
    expect(ids(await readAfter(pool, swarmId, held.last!, [], 100))).toEqual(["e1", "f1"]);
  } finally {
    other.release();
  }
});
