// POST /internal/v1/engine-read on the raw Node path: another instance forwards a read of live engine state to this
// one, the owner of its swarms. Signed with the shared pepper; answered only for swarms this instance owns (409
// otherwise: ownership moved, and the caller answers 503 until it knows the new owner).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Engine } from "@/lib/engine";
import { ApiError } from "../http/errors";
import { readBody, sendJson, sendProblem } from "../http/raw-http";
import type { ClusterNode } from "./cluster-node";
import { answerLocally, engineReadSchema, swarmsOf } from "./engine-reads";
import { INTERNAL_AUTH_HEADER, verifyInternal } from "./internal-auth";

const MAX_READ_BYTES = 8 * 1024 * 1024;

/** What answering a forwarded read needs: the engine, this instance's ownership and the pepper that signs requests. */
export type EngineReadDeps = { engine: Engine; cluster: Pick<ClusterNode, "runsEngineOf">; pepper: string };

/** Answers one forwarded read. */
export async function handleEngineRead(req: IncomingMessage, res: ServerResponse, deps: EngineReadDeps): Promise<void> {
  try {
    if (req.method !== "POST") throw new ApiError(405, "method_not_allowed", "Use POST.");
    const body = (await readBody(req, MAX_READ_BYTES)).toString("utf8");
    const signature = req.headers[INTERNAL_AUTH_HEADER];
    if (!verifyInternal(deps.pepper, typeof signature === "string" ? signature : undefined, body, Date.now())) {
      throw new ApiError(401, "unauthorized", "Only another instance of this installation may call this path.");
    }
    let raw: unknown;
    try {
      raw = JSON.parse(body);
    } catch {
      throw new ApiError(400, "malformed_json", "The body is not valid JSON.");
    }
    const read = engineReadSchema.parse(raw);
    const notOwned = swarmsOf(read).find((s) => !deps.cluster.runsEngineOf(s));
    if (notOwned !== undefined) throw new ApiError(409, "not_owner", `This instance does not run swarm "${notOwned}".`);
    sendJson(res, 200, { answer: answerLocally(deps.engine, read) });
  } catch (err) {
    if (!res.headersSent && !res.destroyed) sendProblem(res, err);
  }
}
