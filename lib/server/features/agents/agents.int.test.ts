// The agents API on a real database: the engine's roster over HTTP, per-agent failures and healings, auth and 404s.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getAgent } from "@/app/api/v1/swarms/[swarm]/agents/[agent]/route";
import { GET as listAgents } from "@/app/api/v1/swarms/[swarm]/agents/route";
import { startTestApp, type TestApp } from "../../../../test/app";

let app: TestApp;
let key: string;
let token: string;

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey("fleet");
  token = await app.token("viewer");
});
afterAll(() => app.close());

const post = async (events: Record<string, unknown>[]) => {
  const res = await fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(events),
  });
  expect(res.status).toBe(202);
};
const list = (swarm: string, auth: string | null = token) =>
  listAgents(new Request(`${app.url}/x`, { headers: auth ? { authorization: `Bearer ${auth}` } : {} }), {
    params: Promise.resolve({ swarm }),
  });
const one = (swarm: string, agent: string) =>
  getAgent(new Request(`${app.url}/x`, { headers: { authorization: `Bearer ${token}` } }), { params: Promise.resolve({ swarm, agent }) });

describe("GET /swarms/{swarm}/agents", () => {
  it("lists every agent with state, success rate, p95, heartbeat age and circuit state", async () => {
    const now = Date.now();
    const tasks = Array.from({ length: 10 }, (_, i) => ({
      type: "task_complete",
      agent_id: "worker-1",
      task_id: `t${i}`,
      timestamp: now - 10_000 + i,
      duration_ms: 100 * (i + 1),
      result: i < 8 ? "success" : "failure",
    }));
    await post([...tasks, { type: "heartbeat", agent_id: "worker-2", timestamp: now - 2_000, health_state: "degraded" }]);
    await vi.waitFor(() => expect(app.engine.snapshot("fleet").events_total).toBe(11), { timeout: 10_000 });
    const res = await list("fleet");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ degradation: null, generated_at: expect.any(String) });
    expect(body.items).toEqual([
      expect.objectContaining({
        id: "worker-1",
        state: "active",
        tasks: 10,
        success_rate: 0.8,
        p95_duration_ms: 1000,
        last_heartbeat_at: null,
        heartbeat_age_ms: null,
        circuit_state: null,
      }),
      expect.objectContaining({
        id: "worker-2",
        state: "active",
        tasks: 0,
        success_rate: null,
        health_state: "degraded",
        heartbeat_age_ms: expect.any(Number),
      }),
    ]);
    expect(body.items[1].heartbeat_age_ms).toBeGreaterThanOrEqual(2_000);
  });

  it("needs a viewer session or token, and 404s an unknown swarm", async () => {
    expect((await list("fleet", null)).status).toBe(401);
    expect((await list("no-such-swarm")).status).toBe(404);
  });
});

describe("GET /swarms/{swarm}/agents/{agent}", () => {
  it("shows the agent's failures and the healing aimed at it", async () => {
    const now = Date.now();
    await post([
      { type: "heartbeat", agent_id: "worker-3", timestamp: now - 1000 },
      { type: "heartbeat_failed", agent_id: "worker-3", timestamp: now },
    ]);
    await vi.waitFor(
      async () => {
        await app.drainEngineOutputs();
        const body = await (await one("fleet", "worker-3")).json();
        expect(body.agent).toMatchObject({ id: "worker-3", state: "failed" });
        expect(body.failures).toEqual([expect.objectContaining({ failure_type: "agent_down", agent_id: "worker-3" })]);
        expect(body.healings).toEqual([
          expect.objectContaining({ strategy: "AgentRestartStrategy", commands: [expect.objectContaining({ kind: "restart_agent" })] }),
        ]);
      },
      { timeout: 10_000 },
    );
  });

  it("404s an agent nobody has heard of", async () => {
    const res = await one("fleet", "ghost");
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
  });
});
