// GET /metrics: refused without credentials; with a viewer token, Prometheus text whose ingest counters follow
// what was posted, plus queue depth, socket connections, command states and event-loop delay.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";

let app: TestApp;

beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** The value of one sample line (`name{labels} value`) in a Prometheus text body, or undefined. */
function sample(body: string, series: string): number | undefined {
  const line = body.split("\n").find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /metrics", () => {
  it("401 problem+json without a token", async () => {
    const res = await fetch(`${app.url}/metrics`);
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("application/problem+json");
  });

  it("counts ingest by outcome and status, and exposes the operational gauges", async () => {
    const key = await app.ingestKey("metrics-swarm");
    const token = await app.token("viewer");
    const scrape = async () => {
      const res = await fetch(`${app.url}/metrics`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get("content-type")).toContain("text/plain");
      return res.text();
    };
    const before = await scrape();
    const events = [1, 2, 3].map((i) => ({ id: `m-${i}`, type: "heartbeat", agent_id: "a", timestamp: Date.now() }));
    const post = (body: unknown) =>
      fetch(`${app.url}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}` }, body: JSON.stringify(body) });
    expect((await post(events)).status).toBe(202);
    expect((await post(events)).status).toBe(202);
    expect((await post([{ type: "BAD" }])).status).toBe(400);
    const after = await scrape();
    const delta = (series: string) => (sample(after, series) ?? 0) - (sample(before, series) ?? 0);
    expect(delta('swarm_medic_ingest_events_total{outcome="accepted"}')).toBe(3);
    expect(delta('swarm_medic_ingest_events_total{outcome="duplicate"}')).toBe(3);
    expect(delta('swarm_medic_ingest_requests_total{status="202"}')).toBe(2);
    expect(delta('swarm_medic_ingest_requests_total{status="400"}')).toBe(1);
    expect(delta("swarm_medic_ingest_request_seconds_count")).toBe(3);
    expect(sample(after, "swarm_medic_ingest_queue_rows")).toBe(0);
    expect(sample(after, "swarm_medic_socket_connections")).toBe(0);
    expect(after).toContain("# TYPE swarm_medic_commands gauge");
    expect(sample(after, "swarm_medic_nodejs_eventloop_lag_p99_seconds")).toBeGreaterThanOrEqual(0);
  });
});
