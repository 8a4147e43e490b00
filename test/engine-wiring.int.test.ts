// End to end: events posted to the API → engine → persisted bottlenecks and predictions, visible through the read
// API and pushed over socket.io to a subscribed client.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listBottlenecks } from "@/app/api/v1/swarms/[swarm]/bottlenecks/route";
import { GET as listHealings } from "@/app/api/v1/swarms/[swarm]/healings/route";
import { GET as listFailures } from "@/app/api/v1/swarms/[swarm]/failures/route";
import { GET as patterns } from "@/app/api/v1/swarms/[swarm]/patterns/route";
import { GET as performance } from "@/app/api/v1/swarms/[swarm]/performance/route";
import { GET as listPredictions } from "@/app/api/v1/swarms/[swarm]/predictions/route";
import { startTestApp, type TestApp } from "./app";

let app: TestApp;
let key: string;
let token: string;
let socket: Socket;
const received: { name: string; payload: Record<string, unknown> }[] = [];

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey("wired");
  token = await app.token("viewer");
  socket = io(app.url, { path: "/socket.io", transports: ["websocket"], auth: { token }, reconnection: false });
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
  socket.onAny((name: string, payload: Record<string, unknown>) => received.push({ name, payload }));
  expect(await socket.emitWithAck("subscribe", { swarm: "wired" })).toMatchObject({ ok: true });
});
afterAll(async () => {
  socket.close();
  await app.close();
});

const post = async (events: Record<string, unknown>[], k = key) => {
  const res = await fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${k}`, "content-type": "application/json" },
    body: JSON.stringify(events),
  });
  expect(res.status).toBe(202);
};
const get = async (handler: typeof listBottlenecks, qs = "", swarm = "wired") =>
  (
    await handler(new Request(`${app.url}/x?${qs}`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ swarm }),
    })
  ).json();

describe("engine wiring", () => {
  it("a queue backlog becomes a persisted, published bottleneck", async () => {
    const now = Date.now();
    await post([
      {
        type: "resource_snapshot",
        timestamp: now,
        metadata: { queue: { pending_tasks: 250, by_priority: { CRITICAL: 5, HIGH: 10, MEDIUM: 100, LOW: 100, BACKGROUND: 35 } } },
      },
    ]);
    await vi.waitFor(() => expect(app.engine.snapshot("wired").queue_depth).toBe(250), { timeout: 10_000 });
    app.engine.tick();
    await app.drainEngineOutputs();
    const page = await get(listBottlenecks, "status=active");
    expect(page.items).toEqual([
      expect.objectContaining({
        type: "task_queue_backlog",
        severity: "critical",
        status: "active",
        affected_resources: expect.any(Array),
        recommendations: expect.any(Array),
      }),
    ]);
    await vi.waitFor(
      () =>
        expect(
          received.some((r) => r.name === "bottleneck.detected" && r.payload.id === page.items[0].id && r.payload.swarm === "wired"),
        ).toBe(true),
      { timeout: 10_000 },
    );
  });

  it("a rising queue trend becomes a stored prediction (an open proposal above the threshold), published live", async () => {
    const now = Date.now();
    const k2 = await app.ingestKey("wired-2");
    expect(await socket.emitWithAck("subscribe", { swarm: "wired-2" })).toMatchObject({ ok: true });
    // Below the backlog line (50): a backlog already there would be a detected fault, not a prediction.
    await post(
      [10, 25, 40].map((depth, i) => ({
        type: "queue_metric",
        timestamp: now - (2 - i) * 10_000,
        metadata: { queue_depth: depth, high_priority_count: 8 + 3 * i },
      })),
      k2,
    );
    await vi.waitFor(() => expect(app.engine.snapshot("wired-2").queue_depth).toBe(40), { timeout: 10_000 });
    app.engine.tick();
    await app.drainEngineOutputs();
    const page = await get(listPredictions, "status=all", "wired-2");
    expect(page.items.length).toBeGreaterThan(0);
    const queue = page.items.find((p: { source: string }) => p.source === "queue");
    expect(queue).toMatchObject({ failure_type: "task_queue_backlog", status: "open", confidence: expect.any(Number) });
    await vi.waitFor(() => expect(received.some((r) => r.name === "prediction.created" && r.payload.id === queue.id)).toBe(true), {
      timeout: 10_000,
    });
  });

  it("a failed heartbeat is healed: failure, running healing with a restart command, then success on result + recovery", async () => {
    const k3 = await app.ingestKey("wired-3");
    expect(await socket.emitWithAck("subscribe", { swarm: "wired-3" })).toMatchObject({ ok: true });
    await post(
      [
        { type: "heartbeat", agent_id: "agent-3", timestamp: Date.now() - 1000 },
        { type: "heartbeat_failed", agent_id: "agent-3", timestamp: Date.now() },
      ],
      k3,
    );
    await vi.waitFor(() => expect(app.engine.snapshot("wired-3").events_total).toBe(2), { timeout: 10_000 });
    await app.drainEngineOutputs();
    const failures = await get(listFailures, "", "wired-3");
    expect(failures.items).toEqual([expect.objectContaining({ failure_type: "agent_down", agent_id: "agent-3" })]);
    const running = (await get(listHealings, "", "wired-3")).items;
    expect(running).toEqual([
      expect.objectContaining({
        strategy: "AgentRestartStrategy",
        status: "running",
        trigger: "detected",
        failure_id: failures.items[0].id,
      }),
    ]);
    const command = running[0].commands[0];
    expect(command).toMatchObject({ kind: "restart_agent", params: expect.objectContaining({ agent_id: "agent-3" }), status: "pending" });
    await vi.waitFor(() => expect(received.some((r) => r.name === "healing.started" && r.payload.swarm === "wired-3")).toBe(true), {
      timeout: 10_000,
    });
    expect(received.some((r) => r.name === "command.updated" && r.payload.id === command.id)).toBe(true);

    // The coordinator reports the result through the coordinator link, which stores it and hands it to the engine.
    const reported = await fetch(`${app.url}/api/v1/commands/${command.id}/result`, {
      method: "POST",
      headers: { authorization: `Bearer ${k3}`, "content-type": "application/json" },
      body: JSON.stringify({ status: "succeeded" }),
    });
    expect(reported.status).toBe(200);
    await post([{ type: "heartbeat", agent_id: "agent-3", timestamp: Date.now() }], k3);
    await vi.waitFor(
      async () => {
        app.engine.tick();
        await app.drainEngineOutputs();
        const done = (await get(listHealings, "", "wired-3")).items[0];
        expect(done).toMatchObject({ status: "succeeded", commands: [expect.objectContaining({ status: "succeeded" })] });
        expect(done.recovery_ms).toBeGreaterThanOrEqual(0);
      },
      { timeout: 10_000 },
    );
    await vi.waitFor(
      () =>
        expect(
          received.some((r) => r.name === "healing.finished" && r.payload.swarm === "wired-3" && r.payload.status === "succeeded"),
        ).toBe(true),
      { timeout: 10_000 },
    );
  });

  it("performance summary and learned patterns are readable per swarm", async () => {
    const k4 = await app.ingestKey("wired-4");
    const now = Date.now();
    const tasks = Array.from({ length: 40 }, (_, i) => ({
      type: "task_complete",
      agent_id: `a${i % 4}`,
      task_id: `t${i}`,
      timestamp: now - (40 - i) * 1000,
      duration_ms: 100 + i * 10,
      result: "success",
      tokens_used: 50,
    }));
    await post(tasks, k4);
    await vi.waitFor(() => expect(app.engine.snapshot("wired-4").events_total).toBe(40), { timeout: 10_000 });
    app.engine.tick();
    const perf = await get(performance, "", "wired-4");
    expect(perf.summary).toMatchObject({ task_count: 40, success_rate: 1, avg_tokens_per_task: 50 });
    expect(perf.summary.p99_duration_ms).toBeGreaterThanOrEqual(perf.summary.p95_duration_ms);
    expect(perf.trends.task_duration).toBe("degrading");
    const learned = await get(patterns, "", "wired-4");
    expect(Array.isArray(learned)).toBe(true);
    for (const p of learned)
      expect(p).toMatchObject({ id: expect.any(String), confidence: expect.any(Number), occurrences: expect.any(Number) });
  });
});
