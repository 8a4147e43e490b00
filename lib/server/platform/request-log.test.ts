// Request logging against a real HTTP server: one line per request at the status' level, the request id shared by the
// log line, the response header and the handler; no credentials or query strings in the output.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "./logger";
import { requestLogger, requestLogLevel } from "./request-log";

const lines: Record<string, unknown>[] = [];
const sink = new Writable({
  write(chunk: Buffer, _enc, done) {
    for (const line of chunk.toString().split("\n")) if (line) lines.push(JSON.parse(line) as Record<string, unknown>);
    done();
  },
});
const log = createLogger("debug", sink);
const logRequest = requestLogger(log);
let server: http.Server;
/** Resolves when the server has received the request that it will never answer. */
let hungArrived: () => void = () => undefined;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    logRequest(req, res);
    if (req.url?.startsWith("/hang")) return hungArrived(); // never answers: the client gives up
    const status = Number(new URL(req.url!, "http://x").searchParams.get("status") ?? 200);
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify({ seen: req.headers["x-request-id"] }));
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

/** Sends a request and returns the response with the log line written for it. */
async function call(path: string, headers: Record<string, string> = {}) {
  const before = lines.length;
  const res = await fetch(base + path, { headers: { authorization: "Bearer smk_live_supersecret", ...headers } });
  const body = (await res.json()) as { seen: string };
  await new Promise<void>((r) => setImmediate(r));
  const line = lines.slice(before).find((l) => l.msg === "request completed" || l.msg === "request errored");
  return { res, body, line: line as { level: number; req: { id: string; method: string; path: string }; res: { status: number } } };
}

describe("request log", () => {
  it.each([
    [200, 20],
    [401, 40],
    [503, 50],
  ])("status %i logs at pino level %i with the path, never the query or the credentials", async (status, level) => {
    const { res, body, line } = await call(`/api/v1/events?status=${status}&key=smk_in_query`);
    expect(res.status).toBe(status);
    expect(line).toMatchObject({ level, req: { method: "GET", path: "/api/v1/events", id: body.seen }, res: { status } });
    expect(res.headers.get("x-request-id")).toBe(body.seen);
    const text = JSON.stringify(lines);
    expect(text).not.toContain("supersecret");
    expect(text).not.toContain("smk_in_query");
  });

  it("reuses a well-formed client request id and replaces a malformed one", async () => {
    expect((await call("/", { "x-request-id": "abc-123.x" })).body.seen).toBe("abc-123.x");
    const replaced = await call("/", { "x-request-id": "x".repeat(129) });
    expect(replaced.body.seen).toMatch(/^[0-9a-f-]{36}$/);
    expect(replaced.line.req.id).toBe(replaced.body.seen);
  });

  it("logs a request the client abandoned before the response at warn", async () => {
    const before = lines.length;
    const hung = new Promise<void>((resolve) => (hungArrived = resolve));
    const aborted = new AbortController();
    const call = fetch(`${base}/hang?token=smk_hidden`, { signal: aborted.signal }).catch((e: Error) => e.name);
    await hung; // the server has the request
    aborted.abort();
    expect(await call).toBe("AbortError");
    await expect
      .poll(() => lines.slice(before).find((l) => l.msg === "request aborted"))
      .toMatchObject({ level: 40, req: { path: "/hang" } });
    expect(JSON.stringify(lines.slice(before))).not.toContain("smk_hidden");
  });

  it("censors credential fields anywhere a component logs them", () => {
    const before = lines.length;
    log
      .child({ component: "t" })
      .warn({ token: "t0k", webhook: { secret: "s3c", url: "https://x" }, headers: { authorization: "Bearer b" }, password: "p" }, "oops");
    const text = JSON.stringify(lines.slice(before));
    for (const s of ["t0k", "s3c", "Bearer b", '"p"']) expect(text).not.toContain(s);
    expect(text).toContain("https://x");
  });

  it.each([
    [200, undefined, "debug"],
    [302, undefined, "debug"],
    [404, undefined, "warn"],
    [500, undefined, "error"],
    [200, new Error("socket hang up"), "error"],
  ] as const)("requestLogLevel(%i, %s) = %s", (status, err, level) => {
    expect(requestLogLevel(status, err)).toBe(level);
  });
});
