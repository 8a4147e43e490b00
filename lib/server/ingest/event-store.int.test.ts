// The ingest write on real Postgres, every way (one statement or COPY; optimistic or claiming the keys at once): values
// come back exactly as sent, duplicates (already stored, or claimed by a concurrent flush) are reported and stored once,
// and a failing flush stores nothing.
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cloneDatabase } from "../../../test/db";
import { type EventRow, insertEventRows as insertWith } from "./event-store";
import { createPool } from "../db/pool";

let pool: pg.Pool;
let swarmId: number;

beforeAll(async () => {
  pool = createPool(await cloneDatabase(inject("testServerUrl"), inject("templateDb")), 4);
  swarmId = (await pool.query<{ id: number }>("INSERT INTO swarms (name) VALUES ('store') RETURNING id")).rows[0]!.id;
});
afterAll(() => pool.end());

const at = Date.now();
const row = (id: string, extra: Partial<EventRow> = {}): EventRow => ({
  swarm_id: swarmId,
  event_id: id,
  type: "task_complete",
  ts: at,
  agent_id: "a",
  task_id: null,
  received_at: at,
  body: { id },
  keyed: true,
  ...extra,
});
const stored = async (like: string) =>
  (
    await pool.query<{
      event_id: string;
      type: string;
      ts: number;
      agent_id: string | null;
      task_id: string | null;
      received_at: number;
      body: unknown;
      tx: string;
    }>(
      `SELECT event_id, type, (extract(epoch FROM ts) * 1000)::float8 AS ts, agent_id, task_id, (extract(epoch FROM received_at) * 1000)::float8 AS received_at, body, tx::text
     FROM events WHERE swarm_id = $1 AND event_id LIKE $2 ORDER BY seq`,
      [swarmId, like],
    )
  ).rows;

it("runs on connections without JIT, which compiled the key-claiming statement for ~400 ms on every execution", async () => {
  expect((await pool.query<{ jit: string }>("SHOW jit")).rows[0]!.jit).toBe("off");
});

describe.each([
  { way: "statement", copyMinRows: Infinity, optimistic: true },
  { way: "copy", copyMinRows: 0, optimistic: true },
  { way: "claiming-statement", copyMinRows: Infinity, optimistic: false },
  { way: "claiming-copy", copyMinRows: 0, optimistic: false },
])("$way", ({ way, copyMinRows, optimistic }) => {
  const insertEventRows = (p: pg.Pool, rows: EventRow[]) => insertWith(p, rows, { copyMinRows, optimistic });

  it("stores tabs, newlines, backslashes, \\N and unicode in text and JSON exactly, in the transaction it reports", async () => {
    const odd = "t\tn\nr\rb\\N🦀";
    const body = { id: "odd", text: odd, quote: '"', nested: { list: [1, "\\"] } };
    const out = await insertEventRows(pool, [row(`${way}-odd-${odd}`, { agent_id: odd, task_id: "\\N", body })]);
    expect(out).toMatchObject({ conflicted: false });
    expect(out.duplicates.size).toBe(0);
    expect(await stored(`${way}-odd-%`)).toEqual([
      { event_id: `${way}-odd-${odd}`, type: "task_complete", ts: at, agent_id: odd, task_id: "\\N", received_at: at, body, tx: out.tx },
    ]);
  });

  it("stores each column as given, whether the body carries the same value, another one or none", async () => {
    const ms = Date.UTC(2026, 10, 30, 23, 59, 59, 999);
    const body = { id: `${way}-col-1`, type: "task_complete", timestamp: ms, agent_id: "a1", task_id: "t1" };
    const rows = [
      row(`${way}-col-1`, { ts: ms, agent_id: "a1", task_id: "t1", body }),
      row(`${way}-col-2`, { type: "custom.kind", ts: ms + 1, agent_id: null, task_id: "t2", received_at: at + 5, body }),
      row(`${way}-col-3`, {
        ts: at,
        agent_id: "a3",
        body: { id: 7, type: 8, timestamp: "2026-11-30T23:59:59.999Z", agent_id: null, task_id: ["x"] },
      }),
    ];
    await insertEventRows(pool, rows);
    expect(await stored(`${way}-col-%`)).toEqual(
      rows.map((r) =>
        expect.objectContaining({
          event_id: r.event_id,
          type: r.type,
          ts: r.ts,
          agent_id: r.agent_id,
          task_id: r.task_id,
          received_at: r.received_at,
          body: r.body,
        }),
      ),
    );
  });

  it("reports already stored keys as duplicates and stores only the fresh rows; unkeyed rows are always stored", async () => {
    await insertEventRows(pool, [row(`${way}-dup-1`)]);
    const out = await insertEventRows(pool, [row(`${way}-dup-1`), row(`${way}-dup-2`), row(`${way}-dup-gen`, { keyed: false })]);
    expect([...out.duplicates]).toEqual([`${swarmId}:${way}-dup-1`]);
    // Optimistically the write failed on the stored key and was redone claiming the keys; claiming, it never failed.
    expect(out.conflicted).toBe(optimistic);
    expect((await stored(`${way}-dup-%`)).map((r) => r.event_id)).toEqual([`${way}-dup-1`, `${way}-dup-2`, `${way}-dup-gen`]);
  });

  it("concurrent flushes with the same key: exactly one stores it, the other reports it as a duplicate", async () => {
    const [a, b] = await Promise.all([
      insertEventRows(pool, [row(`${way}-race-1`), row(`${way}-race-a`)]),
      insertEventRows(pool, [row(`${way}-race-1`), row(`${way}-race-b`)]),
    ]);
    expect(a.duplicates.size + b.duplicates.size).toBe(1);
    expect((await stored(`${way}-race-%`)).map((r) => r.event_id).sort()).toEqual([`${way}-race-1`, `${way}-race-a`, `${way}-race-b`]);
  });

  it("epoch-millisecond times across the accepted window are stored to the millisecond", async () => {
    const week = 7 * 86_400_000;
    const rows = Array.from({ length: 300 }, (_, k) =>
      row(`${way}-ms-${k}`, { ts: at - week + Math.round((k * 2 * week) / 299) + (k % 1000), received_at: at + k }),
    );
    await insertEventRows(pool, rows);
    expect((await stored(`${way}-ms-%`)).map((r) => [r.ts, r.received_at])).toEqual(rows.map((r) => [r.ts, r.received_at]));
  });

  it("a flush that fails stores nothing, not even its keys", async () => {
    await expect(insertEventRows(pool, [row(`${way}-bad-1`), row(`${way}-bad-\uD800`)])).rejects.toThrow();
    await expect(
      insertEventRows(pool, [row(`${way}-bad-2`), row(`${way}-bad-3`, { ts: Number.NaN, body: { id: `${way}-bad-3`, timestamp: at } })]),
    ).rejects.toThrow();
    expect(await stored(`${way}-bad-%`)).toEqual([]);
    const keys = await pool.query("SELECT event_id FROM event_keys WHERE swarm_id = $1 AND event_id LIKE $2", [swarmId, `${way}-bad-%`]);
    expect(keys.rows).toEqual([]);
    expect((await insertEventRows(pool, [row(`${way}-bad-1`)])).duplicates.size).toBe(0);
  });
});
