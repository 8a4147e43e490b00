// docs/reliability.md#f5 — the engine owner pauses (SIGSTOP, a GC-pause simulation) among two instances: the other takes ownership once
// the paused owner's session lease expires (≤ 10 s), adopts its running healing and heals on; when the old owner
// resumes (SIGCONT) it is fenced by the epoch: although it still believes it owns the swarm for a moment, nothing it
// does for that swarm is stored — no command is created twice and no healing is duplicated.
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createIngestKey } from "../lib/server/auth/ingest-keys";
import { LOCK_CLASS } from "../lib/server/cluster/owner-session";
import { openDatabase, type OpenDatabase } from "../lib/server/app/open-database";
import { DedupReceiver } from "./coordinator-receiver";
import { cloneDatabase } from "./db";
import { freePort, type ServerProcess, startServerProcess } from "./server-process";

const SWARM = "f5-pause";

let databaseUrl: string;
let database: OpenDatabase;
const servers: { url: string; proc: ServerProcess }[] = [];

beforeAll(async () => {
  databaseUrl = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  database = await openDatabase(() => undefined, { url: databaseUrl, poolSize: 2 });
});
afterAll(async () => {
  for (const s of servers) {
    s.proc.child.kill("SIGCONT");
    s.proc.child.kill("SIGKILL");
  }
  await Promise.all(servers.map((s) => s.proc.exited));
  await database.close(false);
});

const q = async <T>(sql: string, values: unknown[] = []) => (await database.pool.query(sql, values)).rows as T[];
const ownerRow = async (swarmId: number) =>
  (await q<{ owner_id: string; epoch: string }>("SELECT owner_id, epoch::text FROM swarm_owners WHERE swarm_id = $1", [swarmId]))[0];
const lockHolders = async (swarmId: number) =>
  Number(
    (
      await q<{ n: string }>(
        "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted",
        [LOCK_CLASS, swarmId],
      )
    )[0]!.n,
  );
const healings = async (swarmId: number) =>
  (
    await q<{ agent: string; status: string; commands: string }>(
      `SELECT f.agent_id AS agent, h.status::text, (SELECT count(*) FROM commands c WHERE c.healing_id = h.id)::text AS commands
     FROM healings h JOIN failures f ON f.id = h.failure_id WHERE h.swarm_id = $1 ORDER BY f.agent_id, h.started_at`,
      [swarmId],
    )
  ).map((h) => `${h.agent} ${h.status} ${h.commands}`);

describe("F5: the engine owner pauses", () => {
  it("the other instance takes over ≤ 10 s; the resumed owner is fenced: no command created twice, no healing duplicated", async () => {
    const { key } = await createIngestKey(database.db, database.pepper, SWARM);
    const swarmId = (await database.db.swarm.findUniqueOrThrow({ where: { name: SWARM } })).id;
    for (let i = 0; i < 2; i++) {
      const port = await freePort();
      servers.push({ url: `http://127.0.0.1:${port}`, proc: await startServerProcess(databaseUrl, port) });
    }
    const first = await vi.waitFor(async () => (await ownerRow(swarmId)) ?? Promise.reject(new Error("no owner yet")), {
      timeout: 10_000,
      interval: 50,
    });
    const old = servers.find((s) => s.proc.instanceId === first.owner_id)!;
    const live = servers.find((s) => s !== old)!;
    const receiver = new DedupReceiver(key);
    const post = async (url: string, events: Record<string, unknown>[]) =>
      expect(
        (
          await fetch(`${url}/api/v1/events`, {
            method: "POST",
            headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
            body: JSON.stringify(events),
          })
        ).status,
      ).toBe(202);
    const failAgent = (url: string, agent: string) =>
      post(url, [
        { type: "heartbeat", agent_id: agent, timestamp: Date.now() - 500 },
        { type: "heartbeat_failed", agent_id: agent, timestamp: Date.now() },
      ]);
    const finish = async (url: string, id: string) =>
      expect(await receiver.report(url, id, receiver.execute({ id, kind: "", params: {}, issued_at: "", deadline: "" }))).toMatchObject({
        id,
        status: "succeeded",
      });

    // The owner heals pause-1; the coordinator (on the other instance) takes the command and holds on to it.
    await failAgent(live.url, "pause-1");
    const [cmd1] = await receiver.pull(live.url);
    expect(cmd1).toMatchObject({ kind: "restart_agent", params: { agent_id: "pause-1" } });

    // SIGSTOP the owner: its ownership session goes quiet, Postgres ends it after the lease, the other takes over.
    const stoppedAt = Date.now();
    old.proc.child.kill("SIGSTOP");
    const next = await vi.waitFor(
      async () => {
        const o = await ownerRow(swarmId);
        expect(o).toEqual({ owner_id: live.proc.instanceId, epoch: String(Number(first.epoch) + 1) });
        return o!;
      },
      { timeout: 20_000, interval: 50 },
    );
    const takeoverMs = Date.now() - stoppedAt;

    // The new owner heals on while the old one is paused.
    await failAgent(live.url, "pause-2");
    const [cmd2] = await receiver.pull(live.url);
    expect(cmd2).toMatchObject({ kind: "restart_agent", params: { agent_id: "pause-2" } });
    await finish(live.url, cmd2!.id);
    await post(live.url, [{ type: "heartbeat", agent_id: "pause-2", timestamp: Date.now() }]);

    // SIGCONT: the old owner resumes believing it still owns the swarm until its next beat. Right away it gets a new
    // failure and the adopted command's result: it may heal pause-3 in memory, but its writes are fenced, so the new
    // owner alone stores (and heals) it.
    old.proc.child.kill("SIGCONT");
    await Promise.all([failAgent(old.url, "pause-3"), finish(old.url, cmd1!.id)]);
    await post(old.url, [{ type: "heartbeat", agent_id: "pause-1", timestamp: Date.now() }]);
    const [cmd3, ...more] = await receiver.pull(live.url);
    expect(more).toEqual([]);
    expect(cmd3).toMatchObject({ kind: "restart_agent", params: { agent_id: "pause-3" } });
    await finish(old.url, cmd3!.id);
    await post(old.url, [{ type: "heartbeat", agent_id: "pause-3", timestamp: Date.now() }]);

    // Every healing ends once, verified, with one command; ownership stays with the new owner (one lock holder).
    await vi.waitFor(
      async () => expect(await healings(swarmId)).toEqual(["pause-1 succeeded 1", "pause-2 succeeded 1", "pause-3 succeeded 1"]),
      { timeout: 20_000, interval: 100 },
    );
    expect(await ownerRow(swarmId)).toEqual(next);
    expect(await lockHolders(swarmId)).toBe(1);
    expect(await database.db.command.count({ where: { swarmId } })).toBe(3);
    for (const s of servers)
      expect(await (await fetch(`${s.url}/api/v1/commands?wait=0`, { headers: { authorization: `Bearer ${key}` } })).json()).toEqual([]);
    console.info(
      `F5: takeover ${takeoverMs} ms after SIGSTOP (epoch ${first.epoch} → ${next.epoch}); healings ${JSON.stringify(await healings(swarmId))}; ` +
        `deliveries per command ${JSON.stringify([...receiver.deliveries.values()])}, executions per command ${JSON.stringify([...receiver.executions.values()])}`,
    );
    expect(takeoverMs).toBeLessThanOrEqual(10_000);
    expect([...receiver.deliveries.values()]).toEqual([1, 1, 1]);
    expect([...receiver.executions.values()]).toEqual([1, 1, 1]);
  }, 120_000);
});
