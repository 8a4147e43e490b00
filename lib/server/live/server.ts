// socket.io on the HTTP server: authenticated connections (session cookie or access token),
// `subscribe {swarm}` → room + snapshot ack, engine events → rooms.
import type { Server as HttpServer } from "node:http";
import { createAdapter } from "@socket.io/postgres-adapter";
import type pg from "pg";
import type { Logger } from "pino";
import { Server } from "socket.io";
import { componentLogger } from "../platform/logger";
import { authenticate, type Credentials, type Principal } from "../auth/principal";
import type { Db } from "../db/prisma";
import type { Engine } from "@/lib/engine";
import { swarmNameSchema } from "../../contract/swarm-name";
import { type ClientToServerEvents, type ServerToClientEvents, swarmRoom } from "../../contract/socket";
import { decideRevocations, loadValidCredentials } from "./revocation";
import { subscribeAck } from "./subscribe-ack";
import type { OwnerReadDeps } from "../cluster/owner-reads";

type SocketData = { principal: Principal };

/** The typed socket.io server. */
export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

function headersOf(raw: Record<string, string | string[] | undefined>, token: unknown): Headers {
  const h = new Headers();
  if (typeof raw.cookie === "string") h.set("cookie", raw.cookie);
  const auth = typeof token === "string" && token ? `Bearer ${token}` : raw.authorization;
  if (typeof auth === "string") h.set("authorization", auth);
  return h;
}

/**
 * The pool as the adapter sees it: its long-lived LISTEN client gets an error listener, so Postgres going away is
 * logged and the broken client dropped (the adapter reconnects on its `end`) instead of an unhandled error crashing
 * the process.
 */
function listenerPool(pool: pg.Pool, log: Logger): pg.Pool {
  const connect = async () => {
    const client = await pool.connect();
    client.on("error", (err) => {
      log.warn({ err: err.message }, "socket.io adapter connection lost; reconnecting");
      client.release(err); // a broken client leaves the pool (so the pool can still end); the adapter reconnects on `end`
    });
    return client;
  };
  return { connect, query: pool.query.bind(pool) } as unknown as pg.Pool;
}

/** How often connected sockets' credentials are re-checked (revocation takes effect within this). */
const REVOCATION_SWEEP_MS = 2_000;

/** Disconnects sockets whose token or user is no longer valid, and applies role changes (docs/reliability.md#s6). */
async function sweepRevocations(io: RealtimeServer, pool: pg.Pool): Promise<void> {
  const sockets = await io.local.fetchSockets();
  if (sockets.length === 0) return;
  const live = sockets.map((s) => ({ id: s.id, principal: s.data.principal }));
  const decision = decideRevocations(live, await loadValidCredentials(pool, live));
  const byId = new Map(sockets.map((s) => [s.id, s]));
  for (const id of decision.disconnect) byId.get(id)?.disconnect(true);
  for (const { id, role } of decision.roles) {
    const s = byId.get(id);
    if (s) s.data.principal = { ...s.data.principal, role };
  }
}

/** What the live channel uses: the pool (room broadcasts across instances, revocation sweeps), the swarms' store,
 * the engine (snapshots, ticks) and where credentials are checked. */
export type RealtimeDeps = { pool: pg.Pool; db: Db; engine: Pick<Engine, "on">; credentials: Credentials; ownerReads: OwnerReadDeps };

/** Attaches socket.io at /socket.io and wires the engine's events to swarm rooms. */
export function attachRealtime(http: HttpServer, { pool, db, engine, credentials, ownerReads }: RealtimeDeps): RealtimeServer {
  const io: RealtimeServer = new Server(http, {
    path: "/socket.io",
    serveClient: false,
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: false },
  });
  // Instances on one database share room broadcasts through LISTEN/NOTIFY (a browser on instance A sees what
  // instance B publishes). This adapter cannot replay missed packets, so a reconnecting client re-syncs over HTTP.
  const log = componentLogger("realtime");
  io.adapter(createAdapter(listenerPool(pool, log), { errorHandler: (err) => log.warn({ err: err.message }, "socket.io adapter error") }));

  io.use((socket, next) => {
    // Fire-and-forget: the try/catch answers every outcome through next(), so this promise never rejects.
    void (async () => {
      try {
        const principal = await authenticate(headersOf(socket.request.headers, socket.handshake.auth?.token), credentials);
        if (!principal) return next(new Error("unauthorized"));
        socket.data.principal = principal;
        next();
      } catch {
        next(new Error("unavailable"));
      }
    })();
  });

  io.on("connection", (socket) => {
    socket.on("subscribe", async (req, ack) => {
      if (typeof ack !== "function") return;
      const name = swarmNameSchema.safeParse(req?.swarm);
      if (!name.success) return ack({ ok: false, error: "invalid swarm name" });
      const exists = await db.swarm.findUnique({ where: { name: name.data }, select: { id: true } }).catch(() => null);
      if (!exists) return ack({ ok: false, error: "unknown swarm" });
      await socket.join(swarmRoom(name.data));
      ack(await subscribeAck(ownerReads, name.data));
    });
    socket.on("unsubscribe", async (req, ack) => {
      const name = swarmNameSchema.safeParse(req?.swarm);
      if (name.success) await socket.leave(swarmRoom(name.data));
      ack?.({ ok: name.success });
    });
  });

  engine.on("metrics.tick", (tick) => io.to(swarmRoom(tick.swarm)).emit("metrics.tick", tick));
  let sweeping = false;
  const sweep = setInterval(() => {
    if (sweeping) return;
    sweeping = true;
    // Storage unavailable: keep the sockets (read-only views) and try again on the next sweep.
    sweepRevocations(io, pool)
      .catch(() => undefined)
      .finally(() => (sweeping = false));
  }, REVOCATION_SWEEP_MS);
  sweep.unref();
  http.on("close", () => clearInterval(sweep));
  return io;
}
