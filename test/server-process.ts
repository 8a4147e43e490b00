// Chaos-test harness: the Next-less server (bench/bench-server.ts) as a child process on a fixed port, and ingest
// clients that log every acknowledged event id and retry unacknowledged batches with the same ids.
import { type ChildProcess, spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once("error", reject);
    srv.listen(0, "127.0.0.1", () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

/** A server child process, its cluster instance id and a promise of its exit code. */
export type ServerProcess = { child: ChildProcess; instanceId: string; exited: Promise<number | null> };

/** Starts the server on `databaseUrl` and `port` (`env`: extra settings, e.g. a short COMMAND_LEASE_MS); resolves once it listens. */
export async function startServerProcess(databaseUrl: string, port: number, env: Record<string, string> = {}): Promise<ServerProcess> {
  const root = path.resolve(import.meta.dirname, "..");
  const child = spawn(process.execPath, ["--import", "tsx", "bench/bench-server.ts", String(port)], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent", NODE_ENV: "production", DEMO: "off", ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const instanceId = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /^ready \d+ (\S+)$/m.exec(out);
      if (ready) resolve(ready[1]!);
    });
    void exited.then((code) => reject(new Error(`server exited (${code}) before it was ready: ${out}`)));
  });
  return { child, instanceId, exited };
}

/** What the clients saw: acknowledged ids, statuses of every response, and transport errors. */
export type IngestLog = { acked: Set<string>; statuses: Map<number, number>; transportErrors: number; retryAfterMissing: number };

/** Options of a client run (`urls`: instances tried in turn, one after another on failure, instead of `url`). */
export type IngestRun = {
  url: string;
  urls?: readonly string[];
  key: string;
  batches: number;
  batchSize: number;
  concurrency: number;
  idPrefix: string;
  onAck?: (acked: number) => void;
};

/** Sends `batches` batches with `concurrency` clients; each batch is retried with the same ids until it is acknowledged. */
export async function ingestUntilAcknowledged(run: IngestRun): Promise<IngestLog> {
  const log: IngestLog = { acked: new Set(), statuses: new Map(), transportErrors: 0, retryAfterMissing: 0 };
  let next = 0;
  const client = async () => {
    for (let b = next++; b < run.batches; b = next++) {
      const ids = Array.from({ length: run.batchSize }, (_, i) => `${run.idPrefix}-${b}-${i}`);
      const body = JSON.stringify(ids.map((id, i) => ({ id, type: "heartbeat", agent_id: `agent-${i % 8}`, timestamp: Date.now() })));
      for (let attempt = 0; ; attempt++) {
        const url = run.urls ? run.urls[(b + attempt) % run.urls.length]! : run.url;
        const status = await fetch(`${url}/api/v1/events`, {
          method: "POST",
          headers: { authorization: `Bearer ${run.key}`, "content-type": "application/json" },
          body,
        })
          .then(async (res) => {
            await res.arrayBuffer();
            if (res.status === 503 && !res.headers.get("retry-after")) log.retryAfterMissing++;
            return res.status;
          })
          .catch(() => null);
        if (status === null) log.transportErrors++;
        else log.statuses.set(status, (log.statuses.get(status) ?? 0) + 1);
        if (status === 202) {
          ids.forEach((id) => log.acked.add(id));
          run.onAck?.(log.acked.size);
          break;
        }
        // Backoff between retries of the same batch (the server is down or restarting).
        await new Promise((r) => setTimeout(r, Math.min(50 * 2 ** attempt, 500)));
      }
    }
  };
  await Promise.all(Array.from({ length: run.concurrency }, client));
  return log;
}
