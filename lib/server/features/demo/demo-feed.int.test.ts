// DEMO default (on while `demo` is the only swarm or there is none) and the feed storing through the ingest pipeline.
import pino from "pino";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../../../test/app";
import { demoEnabled } from "./demo-feed";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

it("is on by default until a real swarm exists; DEMO=on|off overrides", async () => {
  expect(await demoEnabled(app.db, undefined)).toBe(true);
  await app.db.swarm.create({ data: { name: "demo" } });
  expect(await demoEnabled(app.db, undefined)).toBe(true);
  expect(await demoEnabled(app.db, "off")).toBe(false);
  await app.ingestKey("real-swarm");
  expect(await demoEnabled(app.db, undefined)).toBe(false);
  expect(await demoEnabled(app.db, "on")).toBe(true);
});

it("logs whether the demo runs and why", async () => {
  const lines: string[] = [];
  const log = pino({ level: "info" }, { write: (line: string) => lines.push(JSON.parse(line).msg) });
  expect(await demoEnabled(app.db, undefined, log)).toBe(false);
  expect(await demoEnabled(app.db, "on", log)).toBe(true);
  expect(lines).toEqual(["demo swarm off: other swarms exist (real-swarm); set DEMO=on to keep it running", "demo swarm on: DEMO=on"]);
});

it("feeds the demo swarm through validation and storage, visible to the engine", async () => {
  const demo = await app.demo.start();
  try {
    await vi.waitFor(
      async () => {
        const { rows } = await app.pool.query(
          "SELECT count(*)::int AS n FROM events e JOIN swarms s ON s.id = e.swarm_id WHERE s.name = 'demo'",
        );
        expect(rows[0].n).toBeGreaterThan(0);
        expect(app.engine.snapshot("demo").events_total).toBe(rows[0].n);
      },
      { timeout: 10_000, interval: 200 },
    );
    const fault = demo.inject("agent_crash", undefined, 60_000);
    expect(fault).toMatchObject({ scenario: "agent_crash", targets: [expect.stringMatching(/^agent-/)] });
    expect(demo.faults().map((f) => f.scenario)).toContain("agent_crash");
  } finally {
    demo.stop();
  }
});
