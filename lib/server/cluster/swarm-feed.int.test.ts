// The owner's feed: its own ingest reaches the engine from memory exactly once, also while the reader is running,
// in transaction order with the rows the reader feeds (another instance's), and the reader skips its rows.
import pg from "pg";
import { afterAll, beforeAll, expect, inject, it } from "vitest";
import { cloneDatabase } from "../../../test/db";
import { type EventRow, insertEventRows } from "../ingest/event-store";
import { createPool } from "../db/pool";
import type { Engine, EngineEvent } from "@/lib/engine";
import { START } from "./feed-ledger";
import { SwarmFeed } from "./swarm-feed";

let pool: pg.Pool;
let swarmId: number;

beforeAll(async () => {
  pool = createPool(await cloneDatabase(inject("testServerUrl"), inject("templateDb")), 4);
  swarmId = (await pool.query<{ id: number }>("INSERT INTO swarms (name) VALUES ('feed') RETURNING id")).rows[0]!.id;
});
afterAll(() => pool.end());

const now = Date.now();
const row = (id: string): EventRow => ({
  swarm_id: swarmId,
  event_id: id,
  type: "heartbeat",
  ts: now,
  agent_id: "a",
  task_id: null,
  received_at: now,
  body: { id, type: "heartbeat" },
  keyed: true,
});
const event = (id: string): EngineEvent => ({ id, type: "heartbeat", ts: now, agentId: "a", data: { id, type: "heartbeat" } });
const store = async (...ids: string[]) => BigInt((await insertEventRows(pool, ids.map(row))).tx);

function recordingFeed() {
  const fed: string[] = [];
  const engine = { ingest: (_swarm: string, events: EngineEvent[]) => fed.push(...events.map((e) => e.id)) } as unknown as Engine;
  const feed = new SwarmFeed(swarmId, "feed", 1n, START, { pool, engine });
  feed.ready = true;
  return { feed, fed };
}

it("a local batch delivered while the reader runs is held and fed once, between the rows before and after it", async () => {
  const { feed, fed } = recordingFeed();
  await store("a1", "a2");
  const local = await store("b1");
  await store("c1");
  const reading = feed.pull();
  expect(feed.deliverLocal(local, [event("b1")])).toBe(true);
  await reading;
  expect(fed).toEqual(["a1", "a2", "b1", "c1"]);
  await feed.pull();
  expect(fed).toEqual(["a1", "a2", "b1", "c1"]);
});

it("a held batch the reader cannot pass yet (an earlier transaction still running) is fed when the read ends, and never again", async () => {
  const { feed, fed } = recordingFeed();
  await feed.pull();
  fed.length = 0;
  const other = await pool.connect();
  try {
    await other.query("BEGIN");
    await other.query(
      "INSERT INTO events (swarm_id, event_id, type, ts, agent_id, received_at, body) VALUES ($1, 'e1', 'heartbeat', now(), 'a', now(), '{}')",
      [swarmId],
    );
    const local = await store("d1");
    const reading = feed.pull();
    expect(feed.deliverLocal(local, [event("d1")])).toBe(true);
    await reading;
    expect(fed).toEqual(["d1"]);
    await other.query("COMMIT");
  } finally {
    other.release();
  }
  await feed.pull();
  expect(fed).toEqual(["d1", "e1"]);
});
