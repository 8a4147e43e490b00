// A product server of a spec's own, beside Playwright's shared webServer, so that the spec can stop it and start it
// again (same port, same database): `node scripts/start.mjs` as `npm start` runs it, on a fresh database that a
// database-keeper child process creates, seeds, guards and drops.
import { type ChildProcess, spawn } from "node:child_process";
import path from "node:path";
import { builtFrom } from "../scripts/build-stamp.mjs";
import type { KeptDatabase } from "./database-keeper";

const ROOT = path.resolve(import.meta.dirname, "..");
/** What server.ts prints once it is listening. */
const READY_LINE = "Swarm Medic is running at";
/** The server's graceful shutdown allows 10 s (close-with-grace); past this it is killed. */
const STOP_TIMEOUT_MS = 20_000;
const START_TIMEOUT_MS = 60_000;
const SEED_TIMEOUT_MS = 60_000;

type Exit = { code: number | null; signal: NodeJS.Signals | null };

/** Resolves with the first stdout line `match` accepts; rejects when the process exits first or after `timeoutMs`. */
function firstLine(
  child: ChildProcess,
  match: (line: string) => boolean,
  timeoutMs: number,
  what: string,
  output: () => string,
): Promise<string> {
  return new Promise((resolve, reject) => {
    let pending = "";
    const onData = (chunk: Buffer) => {
      const lines = (pending + chunk.toString()).split("\n");
      pending = lines.pop()!;
      const line = lines.find(match);
      if (line !== undefined) done(() => resolve(line));
    };
    const onExit = (code: number | null, signal: string | null) =>
      done(() => reject(new Error(`${what} exited (${signal ?? code}) first:\n${output()}`)));
    const timer = setTimeout(() => done(() => reject(new Error(`${what} timed out after ${timeoutMs} ms:\n${output()}`))), timeoutMs);
    const done = (settle: () => void) => {
      clearTimeout(timer);
      child.stdout!.off("data", onData);
      child.off("exit", onExit);
      settle();
    };
    child.stdout!.on("data", onData);
    child.once("exit", onExit);
  });
}

/** Resolves when `child` has exited (at once when it already has). */
function exited(child: ChildProcess): Promise<Exit> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve({ code: child.exitCode, signal: child.signalCode });
  return new Promise((resolve) => child.once("exit", (code, signal) => resolve({ code, signal })));
}

/** Sends `signal`, then SIGKILL when the process has not exited within `timeoutMs`; resolves with how it exited. */
async function terminate(child: ChildProcess, signal: NodeJS.Signals, timeoutMs: number): Promise<Exit> {
  const exit = exited(child);
  child.kill(signal);
  const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
  try {
    return await exit;
  } finally {
    clearTimeout(timer);
  }
}

/** A server the spec starts and stops itself, on its own seeded database. */
export class OwnServer {
  readonly baseURL: string;
  private server: ChildProcess | null = null;
  private readonly log: string[] = [];

  private constructor(
    readonly port: number,
    readonly db: KeptDatabase,
    private readonly keeper: ChildProcess,
    private readonly keeperLog: string[],
  ) {
    this.baseURL = `http://127.0.0.1:${port}`;
  }

  /** Creates and seeds the database for a server on `port` with an admin and an ingest key for `swarm` (not started). */
  static async create(port: number, swarm: string): Promise<OwnServer> {
    const log: string[] = [];
    const keeper = spawn(process.execPath, ["--import", "tsx", "e2e/database-keeper.ts", swarm], {
      cwd: ROOT,
      env: serverEnv(port),
      stdio: ["pipe", "pipe", "pipe"],
    });
    keeper.stderr!.on("data", (chunk: Buffer) => log.push(chunk.toString()));
    try {
      const line = await firstLine(
        keeper,
        (l) => l.startsWith("{"),
        SEED_TIMEOUT_MS,
        "database-keeper",
        () => log.join(""),
      );
      return new OwnServer(port, JSON.parse(line) as KeptDatabase, keeper, log);
    } catch (err) {
      await terminate(keeper, "SIGTERM", STOP_TIMEOUT_MS);
      throw err;
    }
  }

  /** Starts the server and resolves once it listens. It must not build: the shared webServer has built .next and dist already. */
  async start(): Promise<void> {
    if (this.server) throw new Error("the server is already running");
    if (!builtFrom(ROOT))
      throw new Error("the build in .next or dist is missing or stale; starting would rebuild it under the shared webServer");
    const server = spawn(process.execPath, ["scripts/start.mjs"], {
      cwd: ROOT,
      env: { ...serverEnv(this.port), DATABASE_URL: this.db.url },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.server = server;
    server.stderr!.on("data", (chunk: Buffer) => this.log.push(chunk.toString()));
    server.stdout!.on("data", (chunk: Buffer) => this.log.push(chunk.toString()));
    await firstLine(
      server,
      (l) => l.includes(READY_LINE),
      START_TIMEOUT_MS,
      "the server",
      () => this.output(),
    );
  }

  /** Stops the server the way a deployment does (SIGTERM) and resolves once it has exited; a graceful exit is 0. */
  async stop(): Promise<Exit> {
    if (!this.server) throw new Error("the server is not running");
    const exit = await terminate(this.server, "SIGTERM", STOP_TIMEOUT_MS);
    this.server = null;
    return exit;
  }

  /** Everything the server wrote, over all its runs (for the report of a failed test). */
  output(): string {
    return this.log.join("");
  }

  /** Stops the server when it still runs and drops the database. */
  async dispose(): Promise<void> {
    if (this.server) await this.stop();
    const exit = await terminate(this.keeper, "SIGTERM", STOP_TIMEOUT_MS);
    if (exit.code !== 0)
      throw new Error(
        `could not drop ${this.db.database} (database-keeper exited ${exit.signal ?? exit.code}):\n${this.keeperLog.join("")}`,
      );
  }
}

/** The environment `npm start` gets from a deployment: production, this port, no demo swarm. */
function serverEnv(port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    HOST: "127.0.0.1",
    PORT: String(port),
    DEMO: "off",
    LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
  };
  delete env.PUBLIC_URL;
  return env;
}
