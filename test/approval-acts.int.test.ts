// An approval always acts (docs/decisions.md#d28), through the real server path: a swarm's events make the engine propose a preventive
// healing; an operator approves it through the HTTP API; the healing's command reaches a coordinator that pulls
// GET /api/v1/commands. One swarm per source (queue, degraded heartbeats, token and memory trends), plus a proposal
// stored before a restart, which this engine never saw. The engine runs on a manual clock: no waiting for ticks.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { POST as approve } from "@/app/api/v1/predictions/[id]/approve/route";
import { GET as listHealings } from "@/app/api/v1/swarms/[swarm]/healings/route";
import { GET as listIncidents } from "@/app/api/v1/swarms/[swarm]/incidents/route";
import { GET as listPredictions } from "@/app/api/v1/swarms/[swarm]/predictions/route";
import { manualClock } from "@/lib/engine";
import { startTestApp, type TestApp } from "./app";
import { callRoute } from "./call-route";

const clock = manualClock(Date.now());
let app: TestApp;
let operator: string;

beforeAll(async () => {
  app = await startTestApp(clock);
  operator = await app.token("operator");
});
afterAll(() => app.close());

type Sent = { type: string; agent_id?: string; metadata?: Record<string, unknown>; health_state?: string };

/** A swarm with its ingest key, fed one second at a time (events stamped with the engine's clock, then a tick). */
async function swarm(name: string) {
  const key = await app.ingestKey(name);
  let sent = 0;
  const second = async (events: Sent[]) => {
    if (events.length > 0) {
      const res = await fetch(`${app.url}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(events.map((e) => ({ ...e, timestamp: clock.now() }))),
      });
      expect(res.status).toBe(202);
      sent += events.length;
      await vi.waitFor(() => expect(app.engine.snapshot(name).events_total).toBe(sent), { timeout: 10_000 });
    }
    clock.advance(1000);
    app.engine.tick();
    await app.drainEngineOutputs();
  };
  const pull = async () =>
    (await (await fetch(`${app.url}/api/v1/commands?wait=2`, { headers: { authorization: `Bearer ${key}` } })).json()) as {
      id: string;
      kind: string;
      params: Record<string, unknown>;
    }[];
  return { second, pull };
}

const get = async (handler: typeof listHealings, swarmName: string, query: Record<string, string> = {}) =>
  (await callRoute(app, handler, { caller: { token: operator }, params: { swarm: swarmName }, query })).body;

/** Approves the swarm's open proposal of `failureType` through the API and returns the commands a coordinator pulls. */
async function approveAndPull(name: string, failureType: string, pull: () => Promise<{ id: string; kind: string }[]>) {
  const open = (await get(listPredictions, name, { status: "open" })).items as { id: string; failure_type: string; source: string }[];
  const proposal = open.find((p) => p.failure_type === failureType);
  expect(proposal, `an open ${failureType} proposal in ${JSON.stringify(open)}`).toBeDefined();
  const res = await callRoute(app, approve, { caller: { token: operator }, method: "POST", params: { id: proposal!.id }, body: {} });
  expect(res.status).toBe(200);
  await app.drainEngineOutputs();
  const healings = (await get(listHealings, name)).items as { id: string; prediction_id: string | null; status: string; trigger: string }[];
  const healing = healings.find((h) => h.prediction_id === proposal!.id);
  expect(healing).toMatchObject({ trigger: "preventive", status: "running" });
  const pulled = await pull();
  expect(pulled.length).toBeGreaterThan(0);
  return { proposal: proposal!, pulled };
}

describe("every approved proposal reaches a coordinator as a command", () => {
  it("queue: a queue climbing towards a backlog → scale_agents", async () => {
    const s = await swarm("acts-queue");
    for (const depth of [0, 0, 10, 25, 40])
      await s.second([
        { type: "heartbeat", agent_id: "a-1" },
        { type: "queue_metric", metadata: { queue_depth: depth, high_priority_count: 0 } },
      ]);
    const { pulled } = await approveAndPull("acts-queue", "task_queue_backlog", s.pull);
    expect(pulled.map((c) => c.kind)).toEqual(["scale_agents"]);
  });

  it("health: an agent's degraded heartbeats → restart_agent for that agent", async () => {
    const s = await swarm("acts-health");
    for (const state of ["healthy", "degraded", "degraded"])
      await s.second([
        { type: "heartbeat", agent_id: "sick", health_state: state },
        { type: "heartbeat", agent_id: "well", health_state: "healthy" },
      ]);
    const { pulled } = await approveAndPull("acts-health", "agent_down", s.pull);
    expect(pulled).toEqual([expect.objectContaining({ kind: "restart_agent", params: expect.objectContaining({ agent_id: "sick" }) })]);
  });

  it("trend: token usage racing towards its budget (not yet exhausted) → a rebalance command", async () => {
    const s = await swarm("acts-token");
    for (const percent of [20, 30, 40, 50])
      await s.second([
        { type: "heartbeat", agent_id: "a-1" },
        { type: "resource_metric", metadata: { token_usage_percent: percent } },
      ]);
    const { pulled } = await approveAndPull("acts-token", "token_exhaustion", s.pull);
    expect(pulled.length).toBeGreaterThan(0);
  });

  it("trend: memory climbing past 85 % → a rebalance command", async () => {
    const s = await swarm("acts-memory");
    for (const percent of [70, 78, 86, 92])
      await s.second([
        { type: "heartbeat", agent_id: "a-1" },
        { type: "resource_metric", metadata: { memory_usage_percent: percent } },
      ]);
    const { pulled } = await approveAndPull("acts-memory", "memory_exhaustion", s.pull);
    expect(pulled.length).toBeGreaterThan(0);
  });

  it("bottleneck: consensus rounds timing out → a quorum recovery command", async () => {
    const s = await swarm("acts-consensus");
    for (let i = 0; i < 6; i++)
      await s.second([{ type: "heartbeat", agent_id: "a-1" }, { type: "consensus_round", result: "timeout", duration_ms: 9_000 } as Sent]);
    const { pulled } = await approveAndPull("acts-consensus", "consensus_failed", s.pull);
    expect(pulled.length).toBeGreaterThan(0);
  });

  it("a proposal stored before a restart (this engine never saw it) still acts when approved", async () => {
    const s = await swarm("acts-restart");
    await s.second([{ type: "heartbeat", agent_id: "old-agent" }]);
    const swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "acts-restart" } })).id;
    await app.db.prediction.create({
      data: {
        id: randomUUID(),
        swarmId,
        failureType: "agent_down",
        agentId: "old-agent",
        confidence: 0.9,
        predictedAt: new Date(clock.now() - 5_000),
        expectedAt: new Date(clock.now() + 120_000),
        reasoning: "stored before a restart",
        recommendedAction: "Restart the agent proactively",
        source: "health",
        patternIndicators: [],
        status: "open",
      },
    });
    const { pulled } = await approveAndPull("acts-restart", "agent_down", s.pull);
    expect(pulled).toEqual([
      expect.objectContaining({ kind: "restart_agent", params: expect.objectContaining({ agent_id: "old-agent" }) }),
    ]);
  });

  it("a detected failure is an incident that is healing, and resolved once healed", async () => {
    const s = await swarm("acts-incident");
    await s.second([
      { type: "heartbeat", agent_id: "b-1" },
      { type: "heartbeat", agent_id: "b-2" },
    ]);
    await s.second([{ type: "heartbeat_failed", agent_id: "b-1" }]);
    expect((await get(listIncidents, "acts-incident")).items).toEqual([
      expect.objectContaining({
        source: "failure",
        failure_type: "agent_down",
        agent_id: "b-1",
        state: "healing",
        healing_id: expect.any(String),
      }),
    ]);
    const [command] = await s.pull();
    await fetch(`${app.url}/api/v1/commands/${command!.id}/result`, {
      method: "POST",
      headers: { authorization: `Bearer ${await app.ingestKey("acts-incident")}`, "content-type": "application/json" },
      body: JSON.stringify({ status: "succeeded" }),
    });
    await s.second([{ type: "heartbeat", agent_id: "b-1" }]);
    await s.second([{ type: "heartbeat", agent_id: "b-1" }]);
    expect((await get(listIncidents, "acts-incident")).items).toEqual([]);
    expect((await get(listIncidents, "acts-incident", { state: "resolved" })).items).toEqual([
      expect.objectContaining({ state: "resolved", reason: "healed" }),
    ]);
  });
});
