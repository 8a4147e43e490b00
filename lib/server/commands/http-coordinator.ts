// The coordinator calls on the raw Node path of the custom server (like ingest: ingest-key auth, no Next.js):
// GET /api/v1/commands?wait=N (long-poll claim) and POST /api/v1/commands/{id}/result (idempotent result).
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError } from "../http/errors";
import { bearerToken } from "../auth/credentials";
import { readBody, sendJson, sendProblem } from "../http/raw-http";
import type { IngestKeyVerifier } from "../auth/ingest-keys";
import { type CommandPolls, pollCommands, pollQuery, reportResult, resultBody } from "./coordinator-api";

const RESULT_PATH = /^\/api\/v1\/commands\/([^/]+)\/result$/;

/** Whether a path belongs to the coordinator link. */
export function isCoordinatorPath(path: string): boolean {
  return path === "/api/v1/commands" || RESULT_PATH.test(path);
}

/** What the coordinator endpoint uses: long polls and results, and ingest keys. */
export type CoordinatorEndpoint = CommandPolls & { ingestKeys: Pick<IngestKeyVerifier, "verify"> };

/** Handles one coordinator request. */
export async function handleCoordinator(req: IncomingMessage, res: ServerResponse, deps: CoordinatorEndpoint): Promise<void> {
  const abort = new AbortController();
  res.on("close", () => abort.abort());
  try {
    const identity = await deps.ingestKeys.verify(bearerToken(req.headers.authorization));
    if (!identity) throw new ApiError(401, "unauthorized", "A valid ingest key is required (Authorization: Bearer smk_…).");
    const url = new URL(req.url ?? "/", "http://localhost");
    const id = RESULT_PATH.exec(url.pathname)?.[1];
    if (id === undefined) {
      if (req.method !== "GET") throw new ApiError(405, "method_not_allowed", "Use GET.");
      sendJson(res, 200, await pollCommands(deps, identity, pollQuery.parse(Object.fromEntries(url.searchParams)), abort.signal));
      return;
    }
    if (req.method !== "POST") throw new ApiError(405, "method_not_allowed", "Use POST.");
    let raw: unknown;
    try {
      raw = JSON.parse((await readBody(req, 64 * 1024)).toString("utf8") || "null");
    } catch {
      throw new ApiError(400, "malformed_json", "The body is not valid JSON.");
    }
    sendJson(res, 200, await reportResult(deps, identity, decodeURIComponent(id), resultBody.parse(raw)));
  } catch (err) {
    if (!res.headersSent && !res.destroyed) sendProblem(res, err);
  }
}
