// docs/reliability.md#s8 over HTTP: an ingest key over its events/s budget gets 429 + Retry-After and nothing of that request is
// stored; an operator over the decisions budget gets 429 before anything is decided.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as approve } from "@/app/api/v1/predictions/[id]/approve/route";
import { startTestApp, type TestApp } from "../../../test/app";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp(undefined, { ingestEventsPerS: 10, ingestBytesPerS: 1024 * 1024, decisionsPerMin: 2 });
});
afterAll(() => app.close());

const heartbeats = (prefix: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `${prefix}-${i}`, type: "heartbeat", agent_id: "a-1", timestamp: Date.now() }));

async function stored(prefix: string): Promise<number> {
  const { rows } = await app.pool.query<{ n: string }>("SELECT count(*) AS n FROM events WHERE starts_with(event_id, $1)", [prefix]);
  return Number(rows[0]!.n);
}

describe("rate limits over HTTP", () => {
  it("ingest: 429 with Retry-After past the key's events/s, nothing stored from the refused request", async () => {
    const key = await app.ingestKey("limited-swarm");
    const post = (events: unknown[]) =>
      fetch(`${app.url}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(events),
      });
    expect((await post(heartbeats("rl-ok", 8))).status).toBe(202);
    const refused = await post(heartbeats("rl-over", 5));
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.headers.get("content-type")).toBe("application/problem+json");
    expect([await stored("rl-ok"), await stored("rl-over")]).toEqual([8, 0]);
    // Another key has its own budget.
    const other = await app.ingestKey("other-swarm");
    const res = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${other}` },
      body: JSON.stringify(heartbeats("rl-other", 10)),
    });
    expect(res.status).toBe(202);
  });

  it("decisions: 429 once an operator exceeds the per-minute budget", async () => {
    const token = await app.token("operator");
    const id = "00000000-0000-4000-8000-000000000000";
    const decide = () =>
      approve(
        new Request(`${app.url}/api/v1/predictions/${id}/approve`, {
          method: "POST",
          headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
          body: "{}",
        }),
        { params: Promise.resolve({ id }) },
      );
    expect((await decide()).status).toBe(404);
    expect((await decide()).status).toBe(404);
    const limited = await decide();
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
  });
});
