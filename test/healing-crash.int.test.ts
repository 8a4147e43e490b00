// docs/reliability.md#f6 — crash mid-healing: the server is killed (-9) while a healing's command is out with a coordinator and no result
// has come back. After a restart on the same database the command's lease expires, it is delivered again with the
// same id, the coordinator (idempotent by command id) executes it only once, the healing ends succeeded only after
// its verification passes on the new engine owner, and the audit log shows both dispatch attempts.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createIngestKey } from "../lib/server/auth/ingest-keys";
import { openDatabase, type OpenDatabase } from "../lib/server/app/open-database";
import { DedupReceiver } from "./coordinator-receiver";
import { cloneDatabase } from "./db";
import { freePort, type ServerProcess, startServerProcess } from "./server-process";

const SWARM = "f6-crash";
const AGENT = "f6-agent";
const LEASE_MS = 3_000;

let databaseUrl: string;
let database: OpenDatabase;
const running: ServerProcess[] = [];

beforeAll(async () => {
  databaseUrl = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  database = await openDatabase(() => undefined, { url: databaseUrl, poolSize: 2 });
});
afterAll(async () => {
  for (const s of running) s.child.kill("SIGKILL");
  await Promise.all(running.map((s) => s.exited));
  await database.close(false);
});

const q = async <T>(sql: string, values: unknown[] = []) => (await database.pool.query(sql, values)).rows as T[];
const start = async (port: number) => {
  const proc = await startServerProcess(databaseUrl, port, { COMMAND_LEASE_MS: String(LEASE_MS) });
  running.push(proc);
  return proc;
};
/** Resolves once the swarm's owner has recorded `n` more ownership beats (each beat also settles adopted healings). */
const ownerBeats = async (swarmId: number, n: number) => {
  const at = async () =>
    (await q<{ at: Date }>("SELECT heartbeat_at AS at FROM swarm_owners WHERE swarm_id = $1", [swarmId]))[0]!.at.getTime();
  let last = await at();
  for (let seen = 0; seen < n;) {
    await vi.waitFor(async () => expect(await at()).toBeGreaterThan(last), { timeout: 15_000, interval: 50 });
    last = await at();
    seen++;
  }
};

describe("F6: crash during a healing", () => {
  it("re-claims the command after its lease, executes it once, verifies, and audits both attempts", async () => {
    const { key } = await createIngestKey(database.db, database.pepper, SWARM);
    const swarmId = (await database.db.swarm.findUniqueOrThrow({ where: { name: SWARM } })).id;
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const receiver = new DedupReceiver(key);
    const post = async (events: Record<string, unknown>[]) =>
      expect(
        (
          await fetch(`${url}/api/v1/events`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: JSON.stringify(events),
          })
        ).status,
      ).toBe(202);

    // A detected agent failure (policy auto): the engine heals it with restart_agent; the coordinator takes the
    // command and executes it, but the server dies before the result is reported.
    const first = await start(port);
    await vi.waitFor(
      async () =>
        expect((await q("SELECT 1 FROM swarm_owners WHERE swarm_id = $1 AND owner_id = $2", [swarmId, first.instanceId])).length).toBe(1),
      { timeout: 10_000, interval: 50 },
    );
    await post([
      { type: "heartbeat", agent_id: AGENT, timestamp: Date.now() - 500 },
      { type: "heartbeat_failed", agent_id: AGENT, timestamp: Date.now() },
    ]);
    const [command, ...more] = await receiver.pull(url);
    expect(more).toEqual([]);
    expect(command).toMatchObject({ kind: "restart_agent", params: { agent_id: AGENT } });
    const result = receiver.execute(command!);
    const [leased] = await q<{ status: string; attempts: number; lease_until: Date }>(
      "SELECT status, attempts, lease_until FROM commands WHERE id = $1",
      [command!.id],
    );
    expect(leased).toMatchObject({ status: "dispatched", attempts: 1 });
    await vi.waitFor(
      async () =>
        expect((await database.db.healing.findMany({ where: { swarmId, trigger: "detected" } })).map((h) => h.status)).toEqual(["running"]),
      { timeout: 10_000, interval: 50 },
    );

    const killedAt = Date.now();
    first.child.kill("SIGKILL");
    expect(await first.exited).toBeNull();

    // Restart on the same database: the new process becomes the owner and adopts the running healing; the command
    // comes back only once its lease has expired, with the same id.
    const second = await start(port);
    const [again, ...others] = await receiver.pull(url);
    const reclaimedAt = Date.now();
    expect(others).toEqual([]);
    expect(again!.id).toBe(command!.id);
    expect(reclaimedAt).toBeGreaterThanOrEqual(leased!.lease_until.getTime());
    const owner = async () =>
      (await q<{ owner_id: string; epoch: string }>("SELECT owner_id, epoch::text FROM swarm_owners WHERE swarm_id = $1", [swarmId]))[0];
    await vi.waitFor(async () => expect(await owner()).toEqual({ owner_id: second.instanceId, epoch: "2" }), {
      timeout: 15_000,
      interval: 50,
    });

    // The coordinator dedups by id: no second execution, the stored result is reported.
    expect(receiver.execute(again!)).toBe(result);
    expect(await receiver.report(url, again!.id, result)).toMatchObject({ id: command!.id, status: "succeeded" });

    // The command succeeded, but the healing is verified before it counts: without a heartbeat from the restarted
    // agent it stays running (two owner beats, each of which settles adopted healings, change nothing).
    await ownerBeats(swarmId, 2);
    expect((await database.db.healing.findMany({ where: { swarmId, trigger: "detected" } })).map((h) => h.status)).toEqual(["running"]);

    // The agent heartbeats: verification passes and the healing succeeds, its failure resolved.
    await post([{ type: "heartbeat", agent_id: AGENT, timestamp: Date.now() }]);
    await vi.waitFor(
      async () =>
        expect((await database.db.healing.findMany({ where: { swarmId, trigger: "detected" } })).map((h) => h.status)).toEqual([
          "succeeded",
        ]),
      { timeout: 15_000, interval: 100 },
    );
    const healing = await database.db.healing.findFirstOrThrow({ where: { swarmId, trigger: "detected" } });
    const commands = await database.db.command.findMany({ where: { swarmId, healingId: healing.id } });
    expect({ ...healing, commands }).toMatchObject({
      reason: null,
      commands: [expect.objectContaining({ id: command!.id, status: "succeeded", attempts: 2 })],
    });
    expect(healing.actions).toContainEqual(expect.objectContaining({ kind: "restart_agent", commandId: command!.id, status: "succeeded" }));
    expect(healing.actions).toContainEqual("verified by the new engine owner on stored evidence: passed");
    await vi.waitFor(
      async () => expect((await database.db.failure.findFirstOrThrow({ where: { id: healing.failureId! } })).resolvedAt).not.toBeNull(),
      { timeout: 10_000, interval: 100 },
    );

    // Nothing is delivered again; one command in all; both dispatch attempts are in the audit log.
    expect(await (await fetch(`${url}/api/v1/commands?wait=0`, { headers: { authorization: `Bearer ${key}` } })).json()).toEqual([]);
    expect(await database.db.command.count({ where: { swarmId } })).toBe(1);
    // The restarted engine replays the events before its cursor and may detect the failure again: stored once.
    expect(await database.db.failure.count({ where: { swarmId } })).toBe(1);
    const audited = await database.db.auditLog.findMany({ where: { action: "command.dispatched", swarmId }, orderBy: { id: "asc" } });
    expect(audited.map((a) => [a.target, (a.detail as { attempt: number }).attempt])).toEqual([
      [`command:${command!.id}`, 1],
      [`command:${command!.id}`, 2],
    ]);
    expect([...receiver.deliveries.values()]).toEqual([2]);
    expect([...receiver.executions.values()]).toEqual([1]);

    console.info(
      `F6: re-claimed ${reclaimedAt - killedAt} ms after kill -9 (${reclaimedAt - leased!.lease_until.getTime()} ms after the ${LEASE_MS} ms lease expired); ` +
        `deliveries per command ${JSON.stringify([...receiver.deliveries.values()])}, executions per command ${JSON.stringify([...receiver.executions.values()])}; ` +
        `healing ${healing.status} (heal ${healing.healMs} ms, recovery ${healing.recoveryMs} ms); audited attempts ${JSON.stringify(audited.map((a) => (a.detail as { attempt: number }).attempt))}`,
    );
    expect(reclaimedAt - killedAt).toBeLessThanOrEqual(30_000);
  }, 120_000);
});
