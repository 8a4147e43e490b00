// Two instances on one database answer every read of live engine state the same: the swarm list's figures, the agents,
// an agent's detail, learned patterns, performance and the socket's subscribe snapshot come from the swarm's owner
// (the other instance forwards the read to it), and the other instance never builds an engine for the swarm, not even
// when a settings change is made there. When the owner does not answer, both instances say so: 503 problem+json, or a
// refused subscribe snapshot.
import net from "node:net";
import pg from "pg";
import { io, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { GET as patternsRoute } from "@/app/api/v1/swarms/[swarm]/patterns/route";
import { GET as performanceRoute } from "@/app/api/v1/swarms/[swarm]/performance/route";
import { PUT as settingsRoute } from "@/app/api/v1/swarms/[swarm]/settings/route";
import { GET as swarmsRoute } from "@/app/api/v1/swarms/route";
import { startTestAppOn, type TestApp } from "../../../test/app";
import { callRoute } from "../../../test/call-route";
import { cloneDatabase } from "../../../test/db";
import { agentDetail, listAgents } from "../features/agents/agents";
import { listSwarms } from "../features/swarms/list-swarms";
import { installServices } from "../features/services";
import { INTERNAL_AUTH_HEADER, signInternal } from "./internal-auth";
import { INTERNAL_READ_PATH, OWNER_READ_TIMEOUT_MS } from "./owner-reads";
import { LOCK_CLASS } from "./owner-session";

const SWARM = "shared";
const MIN = 60_000;
let databaseUrl: string;
let a: TestApp;
let b: TestApp;
let token: string;
const sockets: Socket[] = [];

beforeAll(async () => {
  databaseUrl = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
  a = await startTestAppOn(databaseUrl);
  b = await startTestAppOn(databaseUrl);
  token = await a.token("viewer");
});
afterAll(async () => {
  for (const s of sockets) s.close();
  await b.close();
  await a.close();
});

/** A route called on one instance (its services are the ones the route handler reads). */
const onInstance = (app: TestApp, handler: Parameters<typeof callRoute>[1], params: Record<string, string> = {}) => {
  installServices(app.services);
  return callRoute(app, handler, { caller: { token }, params });
};
/** The swarm as the route wrapper resolves it (id and name). */
const swarmRef = async (app: TestApp, name: string) => ({ id: (await app.db.swarm.findUniqueOrThrow({ where: { name } })).id, name });
const connect = async (app: TestApp) => {
  const socket = io(app.url, { path: "/socket.io", transports: ["websocket"], reconnection: false, auth: { token } });
  sockets.push(socket);
  await new Promise<void>((resolve, reject) => socket.once("connect", resolve).once("connect_error", reject));
  return socket;
};
const ownerOf = (swarm: string) =>
  vi.waitFor(
    () => {
      const o = [a, b].find((x) => x.cluster.epochOf(swarm) !== null);
      expect(o).toBeDefined();
      return o!;
    },
    { timeout: 10_000, interval: 50 },
  );

describe("every instance answers reads of live engine state the same", () => {
  it("swarm figures, agents, agent detail, patterns, performance and the subscribe snapshot", async () => {
    const key = await a.ingestKey(SWARM);
    const owner = await ownerOf(SWARM);
    const viewer = owner === a ? b : a;
    const now = Date.now();
    // memory_pressure on an agent 20 s before its heartbeat fails, five times in the last hour, among unrelated
    // warnings (a pattern to learn); finished tasks (performance); heartbeats now (active agents).
    const events = [
      ...Array.from({ length: 8 }, (_, k) => ({
        type: "high_latency",
        agent_id: `agent-${k % 3}`,
        timestamp: now - 60 * MIN + k * 7 * MIN,
      })),
      ...Array.from({ length: 5 }, (_, k) => [
        { type: "memory_pressure", agent_id: `agent-${k}`, timestamp: now - 55 * MIN + k * 10 * MIN },
        { type: "heartbeat_failed", agent_id: `agent-${k}`, timestamp: now - 55 * MIN + k * 10 * MIN + 20_000 },
      ]).flat(),
      ...Array.from({ length: 30 }, (_, i) => ({
        type: "task_complete",
        agent_id: `agent-${i % 5}`,
        task_id: `t${i}`,
        timestamp: now - 30_000 + i * 1000,
        duration_ms: 100 + 10 * i,
        result: i % 10 === 0 ? "failure" : "success",
        tokens_used: 40,
      })),
      ...Array.from({ length: 5 }, (_, k) => ({ type: "heartbeat", agent_id: `agent-${k}`, timestamp: now })),
    ];
    // Ingested on the instance that does not run the swarm's engine: the owner reads the events from Postgres.
    const res = await fetch(`${viewer.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(events),
    });
    expect(res.status).toBe(202);
    await vi.waitFor(() => expect(owner.engine.snapshot(SWARM).events_total).toBe(events.length), { timeout: 10_000 });
    owner.engine.tick(); // a learning pass
    await owner.drainEngineOutputs();
    expect(owner.engine.patterns(SWARM).map((p) => p.id)).toContain("corr:memory_pressure+heartbeat_failed");

    // Live figures move with time (events/s over the last seconds): both instances are asked at once, until one
    // pair of answers falls within the same second.
    const same = async <T>(read: (app: TestApp) => Promise<T>): Promise<T> =>
      vi.waitFor(
        async () => {
          const [fromOwner, fromViewer] = [await read(owner), await read(viewer)];
          expect(fromViewer).toEqual(fromOwner);
          return fromOwner;
        },
        { timeout: 5_000, interval: 20 },
      );

    const swarms = await same(async (app) => listSwarms({ ...app.ownerReads, db: app.db }, now));
    expect(swarms).toEqual([expect.objectContaining({ name: SWARM, events_total: events.length, agents: 5 })]);
    expect((await same(async (app) => (await onInstance(app, swarmsRoute)).body))[0]).toMatchObject({
      name: SWARM,
      events_total: events.length,
    });

    const agents = await same(async (app) => listAgents(app.ownerReads, await swarmRef(app, SWARM), now));
    expect(agents.items.map((x) => [x.id, x.tasks])).toEqual([0, 1, 2, 3, 4].map((k) => [`agent-${k}`, 6]));
    expect(
      (await same(async (app) => agentDetail({ ...app.ownerReads, db: app.db }, await swarmRef(app, SWARM), "agent-2", now))).agent,
    ).toMatchObject({ id: "agent-2", tasks: 6 });

    const patterns = await same(async (app) => {
      const r = await onInstance(app, patternsRoute, { swarm: SWARM });
      return { status: r.status, body: r.body as unknown };
    });
    expect(patterns.status).toBe(200);
    expect(patterns.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: "corr:memory_pressure+heartbeat_failed", support: 5 })]),
    );

    const withoutTime = ({ generated_at: _, ...rest }: Record<string, unknown>) => rest;
    const performance = await same(async (app) => {
      const r = await onInstance(app, performanceRoute, { swarm: SWARM });
      return { status: r.status, body: withoutTime(r.body) };
    });
    expect(performance).toMatchObject({ status: 200, body: { summary: { task_count: 30, avg_tokens_per_task: 40 } } });

    const [ownerSocket, viewerSocket] = [await connect(owner), await connect(viewer)];
    const snapshot = await same(async (app) => {
      const ack = await (app === owner ? ownerSocket : viewerSocket).emitWithAck("subscribe", { swarm: SWARM });
      return { ...ack, snapshot: { ...ack.snapshot, at: 0 } };
    });
    expect(snapshot).toMatchObject({ ok: true, snapshot: { swarm: SWARM, events_total: events.length, active_agents: 5 } });

    // A settings change made on the viewer reaches the owner's engine (and only it), which keeps its figures (with the
    // day rollups stored, as the 1 s flush does: re-seeding the engine from them would count the events twice).
    await Promise.all([a.rollups.flush(), b.rollups.flush()]);
    const admin = await a.token("admin");
    installServices(viewer.services);
    const put = await callRoute(viewer, settingsRoute, {
      caller: { token: admin },
      method: "PUT",
      params: { swarm: SWARM },
      body: { target_mttr_ms: 45_000 },
    });
    expect(put.status).toBe(200);
    await vi.waitFor(() => expect(owner.engine.snapshot(SWARM).health?.target_mttr_ms).toBe(45_000), { timeout: 5_000 });
    expect(await same(async (app) => (await listSwarms({ ...app.ownerReads, db: app.db }, now))[0])).toMatchObject({
      events_total: events.length,
      health: { target_mttr_ms: 45_000 },
    });

    // The viewer forwarded every read: it never built an engine for the swarm.
    expect(viewer.engine.knows(SWARM)).toBe(false);
    expect(owner.engine.knows(SWARM)).toBe(true);
  });

  it("forwarded reads are signed: an unsigned or wrongly signed one gets 401, one for a swarm the instance does not run 409", async () => {
    const owner = await ownerOf(SWARM);
    const viewer = owner === a ? b : a;
    const post = (app: TestApp, body: string, signature?: string) =>
      fetch(`${app.url}${INTERNAL_READ_PATH}`, {
        method: "POST",
        headers: { "content-type": "application/json", ...(signature ? { [INTERNAL_AUTH_HEADER]: signature } : {}) },
        body,
      });
    const read = JSON.stringify({ read: "agents", swarm: SWARM });
    expect((await post(owner, read)).status).toBe(401);
    expect((await post(owner, read, signInternal("another installation's pepper", read, Date.now()))).status).toBe(401);
    const signed = await post(owner, read, signInternal(owner.database.pepper, read, Date.now()));
    expect(signed.status).toBe(200);
    expect(((await signed.json()) as { answer: { agents: unknown[] } }).answer.agents).toHaveLength(5);
    const elsewhere = await post(viewer, read, signInternal(viewer.database.pepper, read, Date.now()));
    expect(elsewhere.status).toBe(409);
    expect(await elsewhere.json()).toMatchObject({ type: "https://swarm-medic.dev/problems/not_owner" });
  });

  it("an owner that does not answer gives 503 problem+json (after the short timeout) and a refused snapshot on every instance", async () => {
    // A swarm whose owner hangs: its lock is held here (so neither instance takes it over) and its recorded URL
    // accepts connections but never answers.
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    const lockHolder = new pg.Client({ connectionString: databaseUrl });
    await lockHolder.connect();
    try {
      await lockHolder.query("BEGIN");
      const { rows } = await lockHolder.query<{ id: number }>("INSERT INTO swarms (name) VALUES ('hung') RETURNING id");
      await lockHolder.query("SELECT pg_advisory_lock($1, $2)", [LOCK_CLASS, rows[0]!.id]);
      await lockHolder.query("INSERT INTO swarm_owners (swarm_id, owner_id, owner_url, epoch) VALUES ($1, 'hung-instance', $2, 1)", [
        rows[0]!.id,
        `http://127.0.0.1:${(silent.address() as net.AddressInfo).port}`,
      ]);
      await lockHolder.query("COMMIT");
      const subscribers = [await connect(a), await connect(b)];
      const started = Date.now();
      const answers = await Promise.all(
        [a, b].flatMap((app, i) => [
          listAgents(app.ownerReads, { id: 0, name: "hung" }, Date.now()).then(
            () => null,
            (err: unknown) => err,
          ),
          onInstance(app, patternsRoute, { swarm: "hung" }),
          subscribers[i]!.emitWithAck("subscribe", { swarm: "hung" }),
        ]),
      );
      expect(Date.now() - started).toBeGreaterThanOrEqual(OWNER_READ_TIMEOUT_MS - 50);
      for (let i = 0; i < 2; i++) {
        const [agentsErr, patterns, ack] = answers.slice(3 * i, 3 * i + 3);
        expect(agentsErr).toMatchObject({ status: 503, code: "engine_owner_unavailable" });
        expect(patterns).toMatchObject({
          status: 503,
          body: { type: "https://swarm-medic.dev/problems/engine_owner_unavailable", status: 503 },
        });
        expect((patterns as { headers: Headers }).headers.get("retry-after")).toBe("2");
        expect(ack).toEqual({ ok: false, error: expect.stringContaining('swarm "hung" did not answer') });
      }
      // A swarm list with it in is unavailable as a whole, and a refused connection is no different from a hang.
      await lockHolder.query("UPDATE swarm_owners SET owner_url = 'http://127.0.0.1:1' WHERE owner_id = 'hung-instance'");
      for (const app of [a, b]) expect(await onInstance(app, swarmsRoute)).toMatchObject({ status: 503 });
      expect(a.engine.knows("hung") || b.engine.knows("hung")).toBe(false);
    } finally {
      await lockHolder.end();
      silent.close();
    }
  });
});
