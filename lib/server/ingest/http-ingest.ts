// POST /api/v1/events on the raw Node path of the custom server (in front of Next.js, for throughput):
// ingest-key auth → size limits → parse → validate (all or nothing) → one atomic insert → 202 → engine.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, isApiError } from "../http/errors";
import { readBody, sendJson, sendProblem } from "../http/raw-http";
import { bearerToken } from "../auth/credentials";
import type { IngestKeyVerifier } from "../auth/ingest-keys";
import type { ClusterNode } from "../cluster/cluster-node";
import type { RateLimits } from "../http/rate-limits";
import type { IngestGate } from "../platform/ingest-gate";
import type { ServerMetrics } from "../platform/server-metrics";
import { MAX_BODY_BYTES, parseBody } from "./parse-body";
import { ingestBatch, type IngestPipeline } from "./ingest-batch";

const PARSE_STATUS = { malformed: 400, unsupported_media_type: 415, too_large: 413 } as const;

/** What the ingest endpoint uses: the pipeline, whether new work is taken, ingest keys, the swarm's engine clock,
 * the rate limits and the metrics. */
export type IngestEndpoint = IngestPipeline & {
  gate: IngestGate;
  ingestKeys: Pick<IngestKeyVerifier, "verify">;
  cluster: Pick<ClusterNode, "setTimeMode">;
  limits: Pick<RateLimits, "ingest">;
  metrics: ServerMetrics;
};

/** Handles one ingest request end to end: auth → limits → parse → ingestBatch → 202. A replay at full speed sends
 * `X-Swarm-Medic-Clock: event` so the swarm's engine follows event time (docs/decisions.md#d1); `wall` switches it back. */
export async function handleIngest(
  req: IncomingMessage,
  res: ServerResponse,
  deps: IngestEndpoint,
  now: () => number = Date.now,
): Promise<void> {
  const timer = deps.metrics.ingestSeconds.startTimer();
  try {
    if (req.method !== "POST") throw new ApiError(405, "method_not_allowed", "Use POST.");
    if (!deps.gate.accepting)
      throw new ApiError(503, "shutting_down", "The server is shutting down; retry on another instance.", { retryAfterS: 2 });
    const identity = await deps.ingestKeys.verify(bearerToken(req.headers.authorization));
    if (!identity) throw new ApiError(401, "unauthorized", "A valid ingest key is required (Authorization: Bearer smk_…).");
    const clock = req.headers["x-swarm-medic-clock"];
    if (clock === "event" || clock === "wall") deps.cluster.setTimeMode(identity.swarm, clock);
    const body = await readBody(req, MAX_BODY_BYTES);
    const parsed = parseBody(body, req.headers["content-type"]);
    if (!parsed.ok) throw new ApiError(PARSE_STATUS[parsed.kind], parsed.kind, parsed.message);
    await deps.limits.ingest(identity.keyId, parsed.items.length, body.length);
    const result = await ingestBatch(deps, identity, parsed.items, now());
    sendJson(res, 202, { accepted: result.accepted, duplicates: result.duplicates });
    deps.metrics.ingestEvents.inc({ outcome: "accepted" }, result.accepted);
    deps.metrics.ingestEvents.inc({ outcome: "duplicate" }, result.duplicates);
  } catch (err) {
    if (!res.headersSent) {
      if (isApiError(err) && err.status === 413) res.setHeader("connection", "close");
      sendProblem(res, err);
    }
  } finally {
    timer();
    deps.metrics.ingestRequests.inc({ status: String(res.statusCode) });
  }
}
