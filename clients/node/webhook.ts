// Webhook receiver: the push side of the coordinator link (docs/contract.md#coordinator-link) for a node:http server.
import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { CommandRunner, parseCommand } from "./command-runner.js";
import type { CommandHandler } from "./types.js";

/** The header carrying `sha256=<hex HMAC-SHA256(secret, raw body)>`. */
export const SIGNATURE_HEADER = "x-swarm-medic-signature";
/** Largest webhook body read; bigger ones are answered 413. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

/** Computes the signature header value for a raw body (what Swarm Medic sends; handy in tests). */
export function signBody(secret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac("sha256", secret).update(rawBody).digest("hex")}`;
}

/** True when `header` is the HMAC-SHA256 of the exact raw body under `secret`, compared in constant time. */
export function verifySignature(secret: string, rawBody: Buffer | string, header: string | undefined): boolean {
  if (!secret || !header) return false;
  const match = /^sha256=([0-9a-f]{64})$/i.exec(header.trim());
  if (!match?.[1]) return false;
  const given = Buffer.from(match[1], "hex");
  const expected = createHmac("sha256", secret).update(rawBody).digest();
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Options of createWebhookHandler. */
export type WebhookHandlerOptions = {
  /** The webhook secret configured for the swarm. */
  secret: string;
  /** Runs one command; called once per command id (re-deliveries get the first result). */
  handler: CommandHandler;
  /** How many handled command ids (and results) are remembered for idempotency (default 1000). */
  rememberResults?: number;
};

/**
 * A node:http request listener: raw body (≤ 1 MiB) → signature (401) → command JSON (400) → handler once per id →
 * 200 `{status, detail?}`; 500 `{status: "failed", detail}` when the handler throws. A re-delivery of a command whose
 * handler threw answers 200 with that failed result, so Swarm Medic records it instead of retrying until the deadline.
 */
export function createWebhookHandler(options: WebhookHandlerOptions): (req: IncomingMessage, res: ServerResponse) => void {
  if (!options.secret) throw new TypeError("secret is required");
  const runner = new CommandRunner(options.handler, options.rememberResults ?? 1000);
  return (req, res) => {
    void respond(req, res, options.secret, runner).catch(() => {
      if (!res.headersSent) reply(res, 500, { status: "failed", detail: "webhook receiver error" });
      else res.destroy();
    });
  };
}

async function respond(req: IncomingMessage, res: ServerResponse, secret: string, runner: CommandRunner): Promise<void> {
  if (req.method !== "POST") return reply(res, 405, { error: "use POST" }, { allow: "POST" });
  const body = await readRawBody(req, MAX_WEBHOOK_BYTES);
  if (!body) return reply(res, 413, { error: `body exceeds ${MAX_WEBHOOK_BYTES} bytes` }, { connection: "close" });
  const header = req.headers[SIGNATURE_HEADER];
  if (!verifySignature(secret, body, Array.isArray(header) ? header[0] : header)) return reply(res, 401, { error: "invalid signature" });
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString("utf8"));
  } catch {
    return reply(res, 400, { error: "body is not JSON" });
  }
  const command = parseCommand(parsed);
  if (!command) return reply(res, 400, { error: "body is not a command {id, kind, params, issued_at, deadline}" });
  const run = runner.run(command);
  const { result, crashed } = await run.outcome;
  reply(res, crashed && !run.replayed ? 500 : 200, result);
}

/** Reads the whole body, or resolves undefined (and drains the rest) once it exceeds `limit` bytes. */
function readRawBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return resolve(undefined);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      req.off("data", onData);
      req.resume();
      resolve(undefined);
    };
    req.on("data", onData);
    req.on("end", () => resolve(Buffer.concat(chunks, size)));
    req.on("error", reject);
  });
}

function reply(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { "content-type": "application/json", "content-length": String(Buffer.byteLength(text)), ...headers });
  res.end(text);
}
