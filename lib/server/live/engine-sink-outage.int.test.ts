// docs/decisions.md#d31 end to end: the history tables refuse every write for 6 s (a failover or a full disk, as the server sees it)
// while an agent reports heartbeat_failed. Nothing the engine decided is lost: once writes are accepted again the
// failure, the healing and its restart_agent command are stored, the command reaches the coordinator exactly once
// through the real pull API, and the healing finishes, counted in the rollups.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";
import { DedupReceiver } from "../../../test/coordinator-receiver";

const OUTAGE_MS = 6_000;
const TABLES = ["failures", "healings", "commands"];

let app: TestApp;
let key: string;
let swarmId: number;

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey("outage");
  swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "outage" } })).id;
});
afterAll(() => app.close());

const ingest = async (events: Record<string, unknown>[]) =>
  expect(
    (
      await fetch(`${app.url}/api/v1/events`, {
        method: "POST",
        headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
        body: JSON.stringify(events),
      })
    ).status,
  ).toBe(202);
const retries = async () => (await app.metrics.engineOutputRetries.get()).values[0]?.value ?? 0;
const stored = async () =>
  Promise.all([
    app.db.failure.count({ where: { swarmId } }),
    app.db.healing.count({ where: { swarmId } }),
    app.db.command.count({ where: { swarmId } }),
  ]);

it("stores the failure, healing and command refused during an outage, delivers the command once, and finishes the healing", async () => {
  await app.pool.query(
    `CREATE FUNCTION test_outage() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'could not extend file: No space left on device'; END $$`,
  );
  for (const t of TABLES)
    await app.pool.query(`CREATE TRIGGER test_outage BEFORE INSERT OR UPDATE ON ${t} FOR EACH ROW EXECUTE FUNCTION test_outage()`);
  const outageEnds = new Promise<void>((resolve) => setTimeout(resolve, OUTAGE_MS));
  const receiver = new DedupReceiver(key);
  const delivered = receiver.pull(app.url);

  await ingest([
    { type: "heartbeat", agent_id: "agent-o", timestamp: Date.now() - 500 },
    { type: "heartbeat_failed", agent_id: "agent-o", timestamp: Date.now() },
  ]);
  await expect.poll(retries, { timeout: OUTAGE_MS }).toBeGreaterThanOrEqual(2);
  expect(await stored()).toEqual([0, 0, 0]);
  expect(receiver.deliveries.size).toBe(0);

  await outageEnds;
  for (const t of TABLES) await app.pool.query(`DROP TRIGGER test_outage ON ${t}`);
  await app.pool.query("DROP FUNCTION test_outage()");

  const [command, ...more] = await delivered;
  expect(more).toEqual([]);
  expect(command).toMatchObject({ kind: "restart_agent", params: expect.objectContaining({ agent_id: "agent-o" }) });
  expect(await receiver.report(app.url, command!.id, receiver.execute(command!))).toMatchObject({ id: command!.id, status: "succeeded" });
  await ingest([{ type: "heartbeat", agent_id: "agent-o", timestamp: Date.now() }]);
  await vi.waitFor(
    async () => {
      await app.drainEngineOutputs();
      expect((await app.db.healing.findFirstOrThrow({ where: { swarmId } })).status).toBe("succeeded");
    },
    { timeout: 15_000, interval: 100 },
  );

  const failure = await app.db.failure.findFirstOrThrow({ where: { swarmId } });
  const healing = await app.db.healing.findFirstOrThrow({ where: { swarmId } });
  expect(failure).toMatchObject({ failureType: "agent_down", agentId: "agent-o" });
  expect(healing).toMatchObject({ failureId: failure.id, strategy: "AgentRestartStrategy", trigger: "detected" });
  expect(await app.db.command.findMany({ where: { swarmId } })).toEqual([
    expect.objectContaining({ id: command!.id, healingId: healing.id, status: "succeeded", attempts: 1 }),
  ]);
  expect(await stored()).toEqual([1, 1, 1]);
  expect(await (await fetch(`${app.url}/api/v1/commands?wait=0`, { headers: { authorization: `Bearer ${key}` } })).json()).toEqual([]);
  expect([...receiver.deliveries.values()]).toEqual([1]);
  expect([...receiver.executions.values()]).toEqual([1]);
  const { rows } = await app.pool.query(
    "SELECT sum(failures)::int AS f, sum(healings)::int AS h, sum(healings_succeeded)::int AS s FROM rollup_minute WHERE swarm_id = $1",
    [swarmId],
  );
  expect(rows[0]).toEqual({ f: 1, h: 1, s: 1 });
}, 60_000);
