// GET /metrics: the Prometheus text format for scrapers holding a personal access token (viewer or above).
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, unauthorized } from "../http/errors";
import { authenticate, type Credentials } from "../auth/principal";
import { sendProblem } from "../http/raw-http";
import type { ServerMetrics } from "../platform/server-metrics";

/** Serves the process's metrics to an authenticated caller. */
export async function handleMetrics(
  req: IncomingMessage,
  res: ServerResponse,
  { credentials, metrics }: { credentials: Credentials; metrics: ServerMetrics },
): Promise<void> {
  try {
    if (req.method !== "GET") throw new ApiError(405, "method_not_allowed", "Use GET.");
    const headers = new Headers();
    if (typeof req.headers.authorization === "string") headers.set("authorization", req.headers.authorization);
    if (typeof req.headers.cookie === "string") headers.set("cookie", req.headers.cookie);
    if (!(await authenticate(headers, credentials)))
      throw unauthorized("A personal access token is required (Authorization: Bearer smt_…).");
    const body = await metrics.registry.metrics();
    res.writeHead(200, { "content-type": metrics.registry.contentType });
    res.end(body);
  } catch (err) {
    if (!res.headersSent) sendProblem(res, err);
  }
}
