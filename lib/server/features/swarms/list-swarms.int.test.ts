// GET /api/v1/swarms: every swarm reports when it last sent an event (its receipt time, from storage) and is
// "silent" once that is over a minute ago, whatever the events' own clocks say.
import { afterAll, beforeAll, expect, it } from "vitest";
import { GET } from "@/app/api/v1/swarms/route";
import { startTestApp, type TestApp } from "../../../../test/app";
import { callRoute } from "../../../../test/call-route";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

/** Stores an event of `swarm` with its own timestamp `ts`, received at `receivedAt`. */
const storeEvent = async (swarm: string, ts: number, receivedAt: number) => {
  const id = (await app.db.swarm.findUniqueOrThrow({ where: { name: swarm } })).id;
  await app.pool.query(
    "INSERT INTO events (swarm_id, ts, event_id, type, agent_id, received_at, body) VALUES ($1, $2, gen_random_uuid()::text, 'heartbeat', 'a', $3, '{}')",
    [id, new Date(ts), new Date(receivedAt)],
  );
};

it("lists last_event_at and marks a swarm silent for over a minute", async () => {
  const now = Date.now();
  for (const name of ["clock-ahead-stopped", "clock-behind-sending", "never-sent"]) await app.ingestKey(name);
  // Stopped 7 min ago; its clock ran 2 min ahead, so its newest event's own time is only 5 min ago.
  await storeEvent("clock-ahead-stopped", now - 9 * 60_000, now - 9 * 60_000);
  await storeEvent("clock-ahead-stopped", now - 5 * 60_000, now - 7 * 60_000);
  // Still sending (3 s ago), its clock 2 min behind.
  await storeEvent("clock-behind-sending", now - 2 * 60_000 - 3_000, now - 3_000);

  const { status, body } = await callRoute(app, GET, { caller: { token: await app.token("viewer") } });
  expect(status).toBe(200);
  const byName = new Map((body as { name: string }[]).map((s) => [s.name, s]));
  expect(byName.get("clock-ahead-stopped")).toMatchObject({ status: "silent", last_event_at: new Date(now - 7 * 60_000).toISOString() });
  expect(byName.get("clock-behind-sending")).toMatchObject({ status: "active", last_event_at: new Date(now - 3_000).toISOString() });
  expect(byName.get("never-sent")).toMatchObject({
    status: "new",
    last_event_at: null,
    created_at: expect.any(String),
    agents: 0,
    events_total: 0,
  });
});
