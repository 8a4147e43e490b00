// Reading events back: as sent plus received_at, newest first, filters, cursor pages, exact counts, auth.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as count } from "@/app/api/v1/swarms/[swarm]/events/count/route";
import { GET as list } from "@/app/api/v1/swarms/[swarm]/events/route";
import { startTestApp, type TestApp } from "../../../../test/app";

let app: TestApp;
let token: string;
const t0 = Date.now() - 60_000;

beforeAll(async () => {
  app = await startTestApp();
  token = await app.token("viewer");
  const key = await app.ingestKey("read-swarm");
  const events = Array.from({ length: 25 }, (_, i) => ({
    id: `r-${i}`,
    type: i % 5 === 0 ? "task_failed" : "heartbeat",
    agent_id: `a${i % 3}`,
    task_id: `t${i}`,
    timestamp: t0 + i * 1000,
    metadata: { i },
  }));
  const res = await fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(events),
  });
  expect(res.status).toBe(202);
});
afterAll(() => app.close());

const get = async (handler: typeof list, swarm: string, qs: string, auth = `Bearer ${token}`) => {
  const res = await handler(new Request(`${app.url}/api/v1/swarms/${swarm}/events?${qs}`, { headers: { authorization: auth } }), {
    params: Promise.resolve({ swarm }),
  });
  return { status: res.status, body: await res.json() };
};

describe("GET /api/v1/swarms/{swarm}/events", () => {
  it("returns events as sent plus received_at, newest first, paging with a cursor until exhausted", async () => {
    const seen: string[] = [];
    let cursor = "";
    for (let page = 0; page < 10; page++) {
      const r = await get(list, "read-swarm", `limit=10${cursor ? `&cursor=${cursor}` : ""}`);
      expect(r.status).toBe(200);
      seen.push(...r.body.items.map((e: { id: string }) => e.id));
      if (!r.body.next_cursor) break;
      cursor = r.body.next_cursor;
    }
    expect(seen).toEqual(Array.from({ length: 25 }, (_, i) => `r-${24 - i}`));
    const first = (await get(list, "read-swarm", "limit=1")).body.items[0];
    expect(first).toEqual({
      id: "r-24",
      type: "heartbeat",
      agent_id: "a0",
      task_id: "t24",
      timestamp: t0 + 24_000,
      metadata: { i: 24 },
      received_at: expect.any(String),
    });
  });

  it.each([
    ["type=task_failed", 5],
    ["agent_id=a1", 8],
    ["task_id=t7", 1],
    [`from=${t0 + 20_000}`, 5],
    [`from=${new Date(t0).toISOString()}&to=${new Date(t0 + 4_000).toISOString()}`, 5],
  ])("filters %s → %i events", async (qs, n) => {
    expect((await get(list, "read-swarm", `${qs}&limit=100`)).body.items).toHaveLength(n);
  });

  it("400 for a bad cursor or range, 404 for an unknown swarm, 401 without credentials", async () => {
    expect((await get(list, "read-swarm", "cursor=bm9wZQ")).status).toBe(400);
    expect((await get(list, "read-swarm", `from=${t0 + 10}&to=${t0}`)).status).toBe(400);
    expect((await get(list, "no-such-swarm", "")).status).toBe(404);
    expect((await get(list, "read-swarm", "", "")).status).toBe(401);
  });
});

describe("GET /api/v1/swarms/{swarm}/events/count", () => {
  it("counts exactly, also per type and window", async () => {
    expect((await get(count, "read-swarm", "")).body).toEqual({ count: 25 });
    expect((await get(count, "read-swarm", "type=task_failed")).body).toEqual({ count: 5 });
    expect((await get(count, "read-swarm", `to=${t0 + 9_000}`)).body).toEqual({ count: 10 });
  });
});
