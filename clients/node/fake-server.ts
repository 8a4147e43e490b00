// Test helper (not exported): a real node:http server on port 0 that records requests and answers from a script.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** One request as the fake server saw it. */
export type Recorded = { method: string; path: string; headers: IncomingMessage["headers"]; body: string };

/** A scripted answer; `hold` never answers (a long-poll the client must abort). */
export type Reply = { status: number; body?: unknown; headers?: Record<string, string> } | "hold";

/** A running fake server. */
export type FakeServer = {
  url: string;
  requests: Recorded[];
  /** Resolves with the n-th request (0-based) once it has arrived. */
  request(n: number): Promise<Recorded>;
  /** Resolves when the client side of held request n has gone away (aborted). */
  closed(n: number): Promise<void>;
  close(): Promise<void>;
};

/** Starts a fake server answering request n with `script(request, n)`. */
export async function startFakeServer(script: (req: Recorded, n: number) => Reply | Promise<Reply>): Promise<FakeServer> {
  const requests: Recorded[] = [];
  const waiters = new Map<number, (r: Recorded) => void>();
  const gone = new Map<number, Promise<void>>();
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const n = requests.length;
      const recorded: Recorded = {
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body: Buffer.concat(chunks).toString("utf8"),
      };
      requests.push(recorded);
      gone.set(n, new Promise((resolve) => res.on("close", () => resolve())));
      waiters.get(n)?.(recorded);
      void Promise.resolve(script(recorded, n)).then((reply) => {
        if (reply === "hold") return;
        const text = reply.body === undefined ? "" : JSON.stringify(reply.body);
        res.writeHead(reply.status, { "content-type": "application/json", ...reply.headers });
        res.end(text);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    request: (n) => {
      const seen = requests[n];
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.set(n, resolve));
    },
    closed: async (n) => {
      const g = gone.get(n);
      if (!g) throw new Error(`request ${n} has not arrived`);
      await g;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve, reject) => server.close((err) => (err ? reject(err) : resolve())));
    },
  };
}
