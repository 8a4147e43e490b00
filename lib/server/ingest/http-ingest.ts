// POST /api/v1/events on the raw Node path of the custom server (in front of Next.js, for throughput):
// ingest-key auth → size limits → parse → validate (all or nothing) → one atomic insert → 202 → engine.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, toProblem } from "../http/errors";
import { bearerToken } from "../auth/credentials";
import type { Runtime } from "../platform/runtime";
import { MAX_BODY_BYTES, parseBody } from "./parse-body";
import { ingestBatch } from "./ingest-batch";

const PARSE_STATUS = { malformed: 400, unsupported_media_type: 415, too_large: 413 } as const;

/** Writes a JSON (or problem+json) response. */
export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text), ...headers });
  res.end(text);
}

/** Writes any error as problem+json. */
export function sendProblem(res: ServerResponse, err: unknown): void {
  const p = toProblem(err, res.req?.headers["x-request-id"] as string | undefined);
  sendJson(res, p.status, p.body, p.headers);
}

/** Reads the body up to `limit` bytes; rejects with 413 beyond it. */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) return reject(tooLarge());
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge());
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

function tooLarge() {
  return new ApiError(413, "too_large", `The body exceeds ${MAX_BODY_BYTES} bytes.`);
}

/** Handles one ingest request end to end: auth → limits → parse → ingestBatch → 202. A replay at full speed sends
 * `X-Swarm-Medic-Clock: event` so the swarm's engine follows event time (docs/decisions.md#d1); `wall` switches it back. */
export async function handleIngest(req: IncomingMessage, res: ServerResponse, rt: Runtime, now: () => number = Date.now): Promise<void> {
  const timer = rt.metrics.ingestSeconds.startTimer();
  try {
    if (req.method !== "POST") throw new ApiError(405, "method_not_allowed", "Use POST.");
    if (!rt.accepting) throw new ApiError(503, "shutting_down", "The server is shutting down; retry on another instance.", { retryAfterS: 2 });
    const identity = await rt.ingestKeys.verify(bearerToken(req.headers.authorization));
    if (!identity) throw new ApiError(401, "unauthorized", "A valid ingest key is required (Authorization: Bearer smk_…).");
    const clock = req.headers["x-swarm-medic-clock"];
    if (clock === "event" || clock === "wall") rt.cluster.setTimeMode(identity.swarm, clock);
    const body = await readBody(req, MAX_BODY_BYTES);
    const parsed = parseBody(body, req.headers["content-type"]);
    if (!parsed.ok) throw new ApiError(PARSE_STATUS[parsed.kind], parsed.kind, parsed.message);
    await rt.limits.ingest(identity.keyId, parsed.items.length, body.length);
    const result = await ingestBatch(rt, identity, parsed.items, now());
    sendJson(res, 202, { accepted: result.accepted, duplicates: result.duplicates });
    rt.metrics.ingestEvents.inc({ outcome: "accepted" }, result.accepted);
    rt.metrics.ingestEvents.inc({ outcome: "duplicate" }, result.duplicates);
  } catch (err) {
    if (!res.headersSent) {
      if (err instanceof ApiError && err.status === 413) res.setHeader("connection", "close");
      sendProblem(res, err);
    }
  } finally {
    timer();
    rt.metrics.ingestRequests.inc({ status: String(res.statusCode) });
  }
}
