// Several instances on one database: a browser connected to instance A sees what instance B's engine publishes
// for a swarm (socket.io's Postgres adapter) and gets B's figures when it subscribes, and each instance still serves
// its own sockets.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { startTestAppOn, type TestApp } from "../../../test/app";
import { cloneDatabase } from "../../../test/db";

let a: TestApp;
let b: TestApp;
let socket: Socket;

beforeAll(async () => {
  const url = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  a = await startTestAppOn(url);
  b = await startTestAppOn(url);
});
afterAll(async () => {
  socket?.close();
  await b.close();
  await a.close();
});

describe("two instances, one database", () => {
  it("a socket on the instance that does not own the swarm receives the healing its owner starts", async () => {
    const key = await b.ingestKey("cluster-swarm");
    // Whichever instance claims the swarm first owns its engine; the socket goes to the other one.
    const owner = await vi.waitFor(
      () => {
        const o = [a, b].find((x) => x.cluster.epochOf("cluster-swarm") !== null);
        expect(o).toBeDefined();
        return o!;
      },
      { timeout: 10_000, interval: 50 },
    );
    const viewer = owner === a ? b : a;
    socket = io(viewer.url, {
      path: "/socket.io",
      transports: ["websocket"],
      reconnection: false,
      auth: { token: await viewer.token("viewer") },
    });
    await new Promise<void>((resolve, reject) => {
      socket.once("connect", resolve);
      socket.once("connect_error", reject);
    });
    expect(await socket.emitWithAck("subscribe", { swarm: "cluster-swarm" })).toMatchObject({ ok: true });
    const started = new Promise<{ swarm: string; strategy: string }>((resolve) => socket.once("healing.started", resolve));
    const failure = new Promise<{ swarm: string; failure_type: string }>((resolve) => socket.once("failure.detected", resolve));
    const res = await fetch(`${owner.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify([
        { type: "heartbeat", agent_id: "agent-9", timestamp: Date.now() - 1000 },
        { type: "heartbeat_failed", agent_id: "agent-9", timestamp: Date.now() },
      ]),
    });
    expect(res.status).toBe(202);
    await expect(failure).resolves.toMatchObject({ swarm: "cluster-swarm", failure_type: "agent_down" });
    await expect(started).resolves.toMatchObject({ swarm: "cluster-swarm", strategy: "AgentRestartStrategy" });
    // The viewer's instance holds no engine for the swarm: what its socket got came from the owner, through Postgres,
    // and a snapshot it acks is the owner's (forwarded), with both events in.
    expect(viewer.engine.knows("cluster-swarm")).toBe(false);
    expect(await socket.emitWithAck("subscribe", { swarm: "cluster-swarm" })).toMatchObject({
      ok: true,
      snapshot: { swarm: "cluster-swarm", events_total: 2, active_agents: 1 },
    });
    expect(viewer.engine.knows("cluster-swarm")).toBe(false);
  });
});
