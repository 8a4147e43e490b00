// The product exactly as `npm start` runs it (scripts/start.mjs: production build, then the compiled server.ts with Next.js, the
// API, socket.io, the engine and the demo swarm), as a child process on its own port and database; and a fault-free
// control swarm beside the demo, run by the CLI as an external agent system would run.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { createInterface } from "node:readline";

/** A running product server. */
export type ProductServer = { url: string; stop: () => Promise<void>; lastLines: () => string[] };

const ROOT = path.resolve(import.meta.dirname, "..", "..");

async function healthy(url: string): Promise<boolean> {
  return fetch(`${url}/api/v1/health`).then(
    (r) => r.ok,
    () => false,
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const kill = setTimeout(() => child.kill("SIGKILL"), 20_000);
    child.once("exit", () => {
      clearTimeout(kill);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

/** Starts `npm start`'s script on `port` with DEMO=on; resolves once /api/v1/health answers 200 (a first start builds). */
export async function startProductServer(databaseUrl: string, port: number, label: string): Promise<ProductServer> {
  const child = spawn(process.execPath, ["scripts/start.mjs"], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      PORT: String(port),
      HOST: "127.0.0.1",
      DEMO: "on",
      LOG_LEVEL: process.env.LOOP_LOG_LEVEL ?? "warn",
      PUBLIC_URL: "",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const lines: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    createInterface({ input: stream }).on("line", (line) => {
      lines.push(line);
      if (lines.length > 40) lines.shift();
      if (line.startsWith("Building")) process.stdout.write(`  [${label}] ${line}\n`);
    });
  }
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 15 * 60_000;
  while (!(await healthy(url))) {
    if (child.exitCode !== null || Date.now() > deadline) {
      await stopChild(child);
      throw new Error(`[${label}] the server did not become healthy:\n${lines.join("\n")}`);
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  return { url, stop: () => stopChild(child), lastLines: () => [...lines] };
}

/** Runs a fault-free simulated swarm against `url` as an external agent system (`swarm-medic simulate --scenario
 * control`: events through the Node client, commands through its pull loop); returns how to stop it. */
export function startControlSwarm(url: string, key: string): { stop: () => Promise<void> } {
  const child = spawn(
    process.execPath,
    ["bin/swarm-medic.mjs", "simulate", "--url", url, "--key", key, "--scenario", "control", "--seed", "7"],
    { cwd: ROOT, stdio: "ignore" },
  );
  return { stop: () => stopChild(child) };
}
