// Several instances on one database (child processes, so kill -9 is real): one engine owner per swarm, ingest on
// every instance, takeover within 10 s after the owner is killed, healings that continue on the new owner, no
// command executed twice, and live metrics on a surviving instance's socket. Checker as in chaos.int.test.ts.
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { createAccessToken } from "../lib/server/auth/access-tokens";
import { createIngestKey } from "../lib/server/auth/ingest-keys";
import { LOCK_CLASS } from "../lib/server/cluster/owner-session";
import { openDatabase, type OpenDatabase } from "../lib/server/app/open-database";
import { cloneDatabase } from "./db";
import { freePort, ingestUntilAcknowledged, type ServerProcess, startServerProcess } from "./server-process";

const SWARM = "fleet";
let databaseUrl: string;
let database: OpenDatabase;
const servers: { url: string; proc: ServerProcess }[] = [];
let socket: Socket | undefined;

beforeAll(async () => {
  databaseUrl = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  database = await openDatabase(() => undefined, { url: databaseUrl, poolSize: 4 });
});
afterAll(async () => {
  socket?.close();
  for (const s of servers) s.proc.child.kill("SIGKILL");
  await Promise.all(servers.map((s) => s.proc.exited));
  await database.close(false);
});

type Owner = { ownerId: string; epoch: number };
const q = async <T>(sql: string, values: unknown[] = []) => (await database.pool.query(sql, values)).rows as T[];
const ownerRow = async (swarmId: number) =>
  (await q<{ owner_id: string; epoch: string }>("SELECT owner_id, epoch::text FROM swarm_owners WHERE swarm_id = $1", [swarmId])).map(
    (r): Owner => ({ ownerId: r.owner_id, epoch: Number(r.epoch) }),
  )[0];
const lockHolders = async (swarmId: number) =>
  Number(
    (
      await q<{ n: string }>(
        "SELECT count(*) AS n FROM pg_locks WHERE locktype = 'advisory' AND database = (SELECT oid FROM pg_database WHERE datname = current_database()) AND classid = $1 AND objid = $2 AND objsubid = 2 AND granted",
        [LOCK_CLASS, swarmId],
      )
    )[0]!.n,
  );

describe("cluster: one engine owner per swarm", () => {
  it("survives kill -9 of the owner: no event lost, takeover ≤ 10 s, healings continue, no command executed twice, live metrics", async () => {
    const { key } = await createIngestKey(database.db, database.pepper, SWARM);
    const swarmId = (await database.db.swarm.findUniqueOrThrow({ where: { name: SWARM } })).id;
    for (let i = 0; i < 3; i++) {
      const port = await freePort();
      servers.push({ url: `http://127.0.0.1:${port}`, proc: await startServerProcess(databaseUrl, port) });
    }
    await vi.waitFor(async () => expect(await ownerRow(swarmId)).toBeDefined(), { timeout: 10_000, interval: 50 });
    const first = await ownerRow(swarmId);
    const owner = servers.find((s) => s.proc.instanceId === first!.ownerId)!;
    const survivors = servers.filter((s) => s !== owner);

    // Exactly one lock holder at any moment, sampled all along.
    let maxHolders = 0;
    let sampling = true;
    const sampler = (async () => {
      // A failed assertion ends the test while this loop still runs: stop quietly once the pool is gone.
      while (sampling) maxHolders = Math.max(maxHolders, await lockHolders(swarmId).catch(() => ((sampling = false), 0)));
    })();

    const auth = { authorization: `Bearer ${key}`, "content-type": "application/json" };
    const post = (url: string, events: Record<string, unknown>[]) =>
      fetch(`${url}/api/v1/events`, { method: "POST", headers: auth, body: JSON.stringify(events) }).then((r) =>
        expect(r.status).toBe(202),
      );
    // The coordinator: counts how often each command is delivered and how often its result is posted.
    const delivered = new Map<string, number>();
    const results = new Map<string, number>();
    const pullOne = async (url: string) => {
      for (;;) {
        const cmds = (await (await fetch(`${url}/api/v1/commands?wait=5`, { headers: auth })).json()) as { id: string; kind: string }[];
        for (const c of cmds) delivered.set(c.id, (delivered.get(c.id) ?? 0) + 1);
        if (cmds.length > 0) return cmds;
      }
    };
    const execute = async (url: string, id: string) => {
      results.set(id, (results.get(id) ?? 0) + 1);
      expect(
        (
          await fetch(`${url}/api/v1/commands/${id}/result`, {
            method: "POST",
            headers: auth,
            body: JSON.stringify({ status: "succeeded" }),
          })
        ).status,
      ).toBe(200);
    };

    // Sustained ingest round-robin on every instance, through the kill.
    const urls = servers.map((s) => s.url);
    const background = ingestUntilAcknowledged({ url: urls[0]!, urls, key, batches: 400, batchSize: 10, concurrency: 3, idPrefix: "rr" });

    // A failure ingested on a non-owner: the owner heals it and issues restart_agent; the coordinator takes it.
    await post(survivors[0]!.url, [{ type: "heartbeat", agent_id: "crash-1", timestamp: Date.now() - 500 }]);
    await post(survivors[1]!.url, [{ type: "heartbeat_failed", agent_id: "crash-1", timestamp: Date.now() }]);
    const [cmd1] = await pullOne(survivors[0]!.url);
    expect(cmd1).toMatchObject({ kind: "restart_agent" });

    // A socket on a surviving instance.
    const { token } = await createAccessToken(database.db, database.pepper, "viewer");
    socket = io(survivors[0]!.url, { path: "/socket.io", transports: ["websocket"], reconnection: false, auth: { token } });
    await new Promise<void>((resolve, reject) => {
      socket!.once("connect", resolve);
      socket!.once("connect_error", reject);
    });
    expect(await socket.emitWithAck("subscribe", { swarm: SWARM })).toMatchObject({ ok: true });

    // kill -9 the owner with the healing's command still out.
    const killedAt = Date.now();
    owner.proc.child.kill("SIGKILL");
    expect(await owner.proc.exited).toBeNull();
    urls.splice(urls.indexOf(owner.url), 1);
    const next = await vi.waitFor(
      async () => {
        const o = await ownerRow(swarmId);
        expect(o?.epoch).toBe(first!.epoch + 1);
        return o!;
      },
      { timeout: 10_000, interval: 50 },
    );
    const takeoverMs = Date.now() - killedAt;
    expect(takeoverMs).toBeLessThanOrEqual(10_000);
    expect(survivors.map((s) => s.proc.instanceId)).toContain(next.ownerId);
    const tickAfterTakeover = new Promise<{ swarm: string }>((resolve) =>
      socket!.on("metrics.tick", (t: { swarm: string }) => t.swarm === SWARM && resolve(t)),
    );

    // The adopted healing finishes on the new owner once its command's result arrives (on another instance) and the
    // restarted agent heartbeats (verification).
    await execute(survivors[1]!.url, cmd1!.id);
    await post(survivors[0]!.url, [{ type: "heartbeat", agent_id: "crash-1", timestamp: Date.now() }]);
    // Healings of the detected failures (the engine may also propose preventive ones from the learned heartbeat pattern,
    // depending on when its learner last ran: those wait for an operator and are not what this test follows).
    const detectedHealings = async () =>
      (await database.db.healing.findMany({ where: { swarmId, trigger: "detected" }, orderBy: { startedAt: "asc" } })).map((h) => h.status);
    await vi.waitFor(async () => expect(await detectedHealings()).toEqual(["succeeded"]), { timeout: 10_000, interval: 100 });

    // Detection and healing continue on the new owner.
    await post(survivors[1]!.url, [
      { type: "heartbeat", agent_id: "crash-2", timestamp: Date.now() - 500 },
      { type: "heartbeat_failed", agent_id: "crash-2", timestamp: Date.now() },
    ]);
    const [cmd2] = await pullOne(survivors[1]!.url);
    expect(cmd2).toMatchObject({ kind: "restart_agent" });
    await execute(survivors[0]!.url, cmd2!.id);
    await post(survivors[0]!.url, [{ type: "heartbeat", agent_id: "crash-2", timestamp: Date.now() }]);
    await vi.waitFor(async () => expect(await detectedHealings()).toEqual(["succeeded", "succeeded"]), { timeout: 15_000, interval: 100 });
    await expect(tickAfterTakeover).resolves.toMatchObject({ swarm: SWARM });

    const log = await background;
    sampling = false;
    await sampler;
    // Nothing is delivered again afterwards (results are final), on either survivor.
    for (const s of survivors) expect(await (await fetch(`${s.url}/api/v1/commands?wait=0`, { headers: auth })).json()).toEqual([]);

    const [counts] = await q<{ stored: string; distinct: string; found: string }>(
      "SELECT count(*) AS stored, count(DISTINCT event_id) AS distinct, count(*) FILTER (WHERE event_id = ANY($2::text[])) AS found FROM events WHERE swarm_id = $1 AND event_id LIKE 'rr-%'",
      [swarmId, [...log.acked]],
    );
    console.info(
      `cluster: takeover ${takeoverMs} ms (epoch ${first!.epoch} → ${next.epoch}); acked ${log.acked.size}, stored ${counts!.stored}, distinct ${counts!.distinct}, ` +
        `missing ${log.acked.size - Number(counts!.found)}; max lock holders ${maxHolders}; deliveries per command ${JSON.stringify([...delivered.values()])}, results per command ${JSON.stringify([...results.values()])}`,
    );
    expect(log.acked.size).toBe(4_000);
    expect(Number(counts!.found)).toBe(log.acked.size);
    expect(Number(counts!.stored)).toBe(Number(counts!.distinct));
    expect(maxHolders).toBe(1);
    expect([...delivered.values()]).toEqual([1, 1]);
    expect([...results.values()]).toEqual([1, 1]);
    // Three server processes start (tsx) and 4,000 events flow through a kill: ~20 s on a loaded 2-core machine, so the
    // default 30 s is no bound worth failing on; the takeover bound above is the one that matters.
  }, 120_000);
});
