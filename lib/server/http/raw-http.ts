// The raw Node request path of the custom server (ingest, coordinator, internal reads, metrics): JSON and
// problem+json responses, and bodies read up to a limit.
import type { IncomingMessage, ServerResponse } from "node:http";
import { ApiError, toProblem } from "./errors";

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
    if (Number.isFinite(declared) && declared > limit) return reject(tooLarge(limit));
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners("data");
        req.resume();
        reject(tooLarge(limit));
      } else chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

function tooLarge(limit: number) {
  return new ApiError(413, "too_large", `The body exceeds ${limit} bytes.`);
}
