// The HTTP server's routing: the raw ingest, coordinator and internal engine-read paths and better-auth in front of Next.js,
// socket.io beside them.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { toNodeHandler } from "better-auth/node";
import { ApiError } from "../http/errors";
import { handleCoordinator, isCoordinatorPath } from "../commands/http-coordinator";
import { handleEngineRead } from "../cluster/http-engine-read";
import { internalUrl } from "../cluster/internal-url";
import { INTERNAL_READ_PATH } from "../cluster/owner-reads";
import { handleIngest } from "../ingest/http-ingest";
import { sendProblem } from "../http/raw-http";
import { attachEngineSink } from "../live/engine-sink";
import { attachRealtime, type RealtimeServer } from "../live/server";
import { applyContentSecurityPolicy } from "../platform/content-security-policy";
import { env } from "../platform/env";
import { handleMetrics } from "./metrics-endpoint";
import { requestLogger } from "../platform/request-log";
import type { Composition } from "./create-services";

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void> | void;

/** Next.js' request and upgrade handlers (absent in integration tests, which run without a build). */
export type NextHandlers = {
  request: Handler;
  upgrade: (req: http.IncomingMessage, socket: Duplex, head: Buffer) => Promise<void> | void;
  dev: boolean;
};

/** Creates the HTTP server with socket.io attached, the engine's outputs stored (fenced) and published, and engine
 * ownership started. */
export function createHttpApp(
  c: Composition,
  nextHandlers?: NextHandlers,
): { server: http.Server; io: RealtimeServer; drainEngineOutputs: () => Promise<void> } {
  const authHandler = toNodeHandler(c.auth);
  const logRequest = requestLogger(c.log("http"));
  const server = http.createServer((req, res) => {
    logRequest(req, res);
    const path = (req.url ?? "/").split("?", 1)[0]!;
    // Shutting down: answer, then close the connection, so keep-alive clients move on and the server can close.
    if (!c.gate.accepting) res.setHeader("connection", "close");
    if (path === "/api/v1/events") void handleIngest(req, res, c);
    else if (isCoordinatorPath(path)) void handleCoordinator(req, res, c);
    else if (path === "/metrics") void handleMetrics(req, res, c);
    else if (path === INTERNAL_READ_PATH) void handleEngineRead(req, res, c.ownerReads);
    else if (path.startsWith("/api/auth/")) {
      // better-auth rate-limits sign-in per client IP: give it the socket's address, never a client-sent value.
      req.headers["x-forwarded-for"] = req.socket.remoteAddress ?? "unknown";
      void authHandler(req, res);
    } else if (nextHandlers) {
      applyContentSecurityPolicy(req, res, nextHandlers.dev);
      void nextHandlers.request(req, res);
    } else sendProblem(res, new ApiError(404, "not_found", "No such route."));
  });
  server.keepAliveTimeout = 65_000;
  // Once listening, the instance records where the others reach it for reads of the swarms it owns.
  server.on("listening", () => c.cluster.setAddress(internalUrl(server.address() as AddressInfo, env().INTERNAL_URL)));
  const io = attachRealtime(server, c);
  c.metrics.observe({ ingestQueueRows: () => c.batcher.queued, socketConnections: () => io.engine.clientsCount });
  c.publisher.attach(io);
  const sink = attachEngineSink(c.engine, {
    db: c.db,
    metrics: c.metrics,
    log: c.log("engine-sink"),
    fence: (swarm) => c.cluster.epochOf(swarm),
    published: (name, payload) => {
      c.publisher.publish(name, payload);
      if (name === "command.updated") c.commandSignal.notify(payload.swarm);
    },
  });
  c.cluster.start((swarm, healing) => {
    sink.record("healing.finished", { swarm, healing });
    if (healing.status === "succeeded" && healing.failureId)
      sink.record("failure.resolved", { swarm, failureId: healing.failureId, resolvedAt: healing.finishedAt ?? Date.now() });
  });
  const drainEngineOutputs = async () => {
    await c.cluster.idle();
    await sink.drain();
  };
  server.on("upgrade", (req, socket, head) => {
    if (!req.url?.startsWith("/socket.io")) {
      if (nextHandlers) void nextHandlers.upgrade(req, socket, head);
      else socket.destroy();
    }
  });
  return { server, io, drainEngineOutputs };
}
