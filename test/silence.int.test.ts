// Silence is a failure (docs/decisions.md#d30), through the real server path: heartbeats ingested over HTTP, one agent stops; Swarm Medic
// stores an agent_down failure and a restart healing whose command a coordinator pulls from GET /api/v1/commands; the
// coordinator reports success, the agent heartbeats again, and the healing succeeds. The engine runs on a manual clock
// so "3 silent seconds" need no waiting.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as listAgents } from "@/app/api/v1/swarms/[swarm]/agents/route";
import { GET as listFailures } from "@/app/api/v1/swarms/[swarm]/failures/route";
import { GET as listHealings } from "@/app/api/v1/swarms/[swarm]/healings/route";
import { manualClock } from "@/lib/engine";
import { startTestApp, type TestApp } from "./app";

const SWARM = "silent";
const clock = manualClock(Date.now());
let app: TestApp;
let key: string;
let token: string;

beforeAll(async () => {
  app = await startTestApp(clock);
  key = await app.ingestKey(SWARM);
  token = await app.token("viewer");
});
afterAll(() => app.close());

let sent = 0;
/** Posts heartbeats of `agents` stamped with the engine's clock, and waits until the engine has them. */
const heartbeats = async (agents: string[]) => {
  const res = await fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(agents.map((agent_id) => ({ type: "heartbeat", agent_id, timestamp: clock.now() }))),
  });
  expect(res.status).toBe(202);
  sent += agents.length;
  await vi.waitFor(() => expect(app.engine.snapshot(SWARM).events_total).toBe(sent), { timeout: 10_000 });
};
/** One second later: the engine's 1 Hz tick, with its outputs stored. */
const second = async () => {
  clock.advance(1000);
  app.engine.tick();
  await app.drainEngineOutputs();
};
const get = async (handler: typeof listFailures) =>
  (
    await handler(new Request(`${app.url}/x`, { headers: { authorization: `Bearer ${token}` } }), {
      params: Promise.resolve({ swarm: SWARM }),
    })
  ).json();

describe("silence detection over the server path", () => {
  it("a silent agent is detected, restarted through the coordinator link, and healed when it heartbeats again", async () => {
    for (let i = 0; i < 5; i++) {
      await heartbeats(["crashy", "steady"]);
      await second();
    }
    // "crashy" was last heard 1 s ago: the ticks 2 s and 3 s after it are the second and the third silent interval.
    for (let i = 0; i < 2; i++) {
      expect((await get(listFailures)).items).toEqual([]);
      await heartbeats(["steady"]);
      await second();
    }

    const failures = (await get(listFailures)).items;
    expect(failures).toEqual([
      expect.objectContaining({
        failure_type: "agent_down",
        agent_id: "crashy",
        severity: "high",
        resolved_at: null,
        context: expect.objectContaining({
          detection_source: "silence",
          interval_ms: 1000,
          silent_intervals: 3,
          last_seen_at: expect.any(String),
        }),
      }),
    ]);
    const running = (await get(listHealings)).items;
    expect(running).toEqual([
      expect.objectContaining({ strategy: "AgentRestartStrategy", status: "running", trigger: "detected", failure_id: failures[0].id }),
    ]);
    const agents = (await get(listAgents)).items;
    expect(agents.find((a: { id: string }) => a.id === "crashy")).toMatchObject({
      state: "down",
      silence: { expected_every_ms: 1000, silent_intervals: 3, silent_for_ms: expect.any(Number) },
    });
    expect(agents.find((a: { id: string }) => a.id === "steady")).toMatchObject({ state: "active", silence: null });

    const coordinator = { authorization: `Bearer ${key}` };
    const pulled = (await (await fetch(`${app.url}/api/v1/commands?wait=5`, { headers: coordinator })).json()) as {
      id: string;
      kind: string;
      params: Record<string, unknown>;
    }[];
    expect(pulled).toEqual([expect.objectContaining({ kind: "restart_agent", params: expect.objectContaining({ agent_id: "crashy" }) })]);
    const report = await fetch(`${app.url}/api/v1/commands/${pulled[0]!.id}/result`, {
      method: "POST",
      headers: { ...coordinator, "content-type": "application/json" },
      body: JSON.stringify({ status: "succeeded", detail: "restarted" }),
    });
    expect(report.status).toBe(200);
    await second();
    expect((await get(listHealings)).items[0]).toMatchObject({ status: "running" });

    await heartbeats(["crashy", "steady"]);
    await second();
    const healed = (await get(listHealings)).items[0];
    expect(healed).toMatchObject({
      status: "succeeded",
      commands: [expect.objectContaining({ kind: "restart_agent", status: "succeeded" })],
    });
    expect((await get(listFailures)).items[0].resolved_at).toEqual(expect.any(String));
    expect((await get(listAgents)).items.find((a: { id: string }) => a.id === "crashy")).toMatchObject({ state: "active", silence: null });
    expect(app.engine.snapshot(SWARM)).toMatchObject({ stale: false, last_event_at: clock.now() - 1000 });
  });
});
