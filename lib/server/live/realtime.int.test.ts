// The live channel: authenticated connections only, subscribe → ack + snapshot, metrics.tick per swarm room.
import { io, type Socket } from "socket.io-client";
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";
import type { MetricsTick } from "@/lib/engine";
import type { SubscribeAck } from "../../contract/socket";
import { credentialPrefix } from "../auth/credentials";

let app: TestApp;
const sockets: Socket[] = [];

beforeAll(async () => {
  app = await startTestApp();
});
afterEach(() => sockets.splice(0).forEach((s) => s.close()));
afterAll(() => app.close());

function connect(opts: { token?: string; cookie?: string } = {}): Socket {
  const s = io(app.url, {
    path: "/socket.io",
    transports: ["websocket"],
    reconnection: false,
    auth: opts.token ? { token: opts.token } : {},
    extraHeaders: opts.cookie ? { cookie: opts.cookie } : {},
  });
  sockets.push(s);
  return s;
}

const connected = (s: Socket) =>
  new Promise<void>((resolve, reject) => {
    s.once("connect", resolve);
    s.once("connect_error", reject);
  });

const subscribe = (s: Socket, swarm: string) => s.emitWithAck("subscribe", { swarm }) as Promise<SubscribeAck>;

describe("socket.io authentication", () => {
  it("rejects a connection without credentials or with a bad token", async () => {
    await expect(connected(connect())).rejects.toThrow("unauthorized");
    await expect(connected(connect({ token: "smt_bad" }))).rejects.toThrow("unauthorized");
  });

  it("rejects an ingest key: it writes one swarm's events and reads nothing, live or over HTTP", async () => {
    await expect(connected(connect({ token: await app.ingestKey("socket-ingest-only") }))).rejects.toThrow("unauthorized");
  });

  it.each(["viewer", "operator", "admin"] as const)(
    "a %s may connect and subscribe to any swarm (roles are global, contract §3)",
    async (role) => {
      const s = connect({ token: await app.token(role) });
      await connected(s);
      await app.ingestKey(`socket-${role}`);
      expect(await subscribe(s, `socket-${role}`)).toMatchObject({ ok: true });
    },
  );

  it("accepts a session cookie and a personal access token", async () => {
    const { cookie } = await app.signIn("viewer");
    await expect(connected(connect({ cookie }))).resolves.toBeUndefined();
    await expect(connected(connect({ token: await app.token("viewer") }))).resolves.toBeUndefined();
  });
});

describe("subscribe and ticks", () => {
  it("acks with a snapshot for a known swarm and refuses unknown or invalid names", async () => {
    await app.ingestKey("rt-known");
    const s = connect({ token: await app.token("viewer") });
    await connected(s);
    const ack = await subscribe(s, "rt-known");
    expect(ack).toMatchObject({ ok: true, snapshot: { swarm: "rt-known", events_total: 0, events_per_s: 0 } });
    expect(await subscribe(s, "rt-unknown")).toEqual({ ok: false, error: "unknown swarm" });
    expect(await subscribe(s, "Not Valid!")).toEqual({ ok: false, error: "invalid swarm name" });
  });

  it("delivers metrics.tick for subscribed swarms only, reflecting ingested events", async () => {
    const key = await app.ingestKey("rt-live");
    await app.ingestKey("rt-quiet");
    const s = connect({ token: await app.token("viewer") });
    await connected(s);
    await subscribe(s, "rt-live");
    const seen: MetricsTick[] = [];
    s.on("metrics.tick", (t: MetricsTick) => seen.push(t));
    const res = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify(Array.from({ length: 10 }, (_, i) => ({ type: "heartbeat", agent_id: `a${i % 3}`, timestamp: Date.now() }))),
    });
    expect(res.status).toBe(202);
    await vi.waitFor(() => expect(app.engine.snapshot("rt-live").events_total).toBe(10), { timeout: 10_000 });
    const tick = await new Promise<MetricsTick>((resolve) => {
      s.on("metrics.tick", (t: MetricsTick) => t.events_total === 10 && resolve(t));
      app.engine.tick();
    });
    expect(tick).toMatchObject({ swarm: "rt-live", events_total: 10, active_agents: 3 });
    expect(tick.events_per_s).toBeGreaterThan(0);
    expect(seen.every((t) => t.swarm === "rt-live")).toBe(true);
  });
});

describe("revocation (S6)", () => {
  /** The disconnect reason, or a rejection when the server has not disconnected the socket within 5 s. */
  const disconnectedWithin5s = (s: Socket) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("still connected after 5 s")), 5_000);
      s.once("disconnect", (reason) => {
        clearTimeout(timer);
        resolve(reason);
      });
    });

  it("a revoked token's socket is disconnected by the server within 5 s", async () => {
    const token = await app.token("viewer");
    const s = connect({ token });
    await connected(s);
    const gone = disconnectedWithin5s(s);
    await app.db.personalAccessToken.updateMany({ data: { revokedAt: new Date() }, where: { prefix: credentialPrefix(token) } });
    await expect(gone).resolves.toBe("io server disconnect");
  });

  it("a disabled user's socket is disconnected by the server within 5 s; others stay", async () => {
    const { cookie, email } = await app.signIn("operator");
    const other = await app.signIn("viewer");
    const s = connect({ cookie });
    const keep = connect({ cookie: other.cookie });
    await Promise.all([connected(s), connected(keep)]);
    const gone = disconnectedWithin5s(s);
    await app.db.user.update({ where: { email }, data: { disabled: true } });
    await expect(gone).resolves.toBe("io server disconnect");
    expect(keep.connected).toBe(true);
  });
});
