// Child processes of the benchmark: a TypeScript entry run under tsx that prints "ready <port> [instance id]" when listening,
// stopped with SIGTERM (then SIGKILL) and always reaped.
import { type ChildProcess, spawn } from "node:child_process";
import { createInterface } from "node:readline";

/** A running child server. */
export type ChildServer = { port: number; url: string; pid: number; stop: () => Promise<void> };

const running = new Set<ChildProcess>();

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once("exit", () => resolve()));
}

async function stop(child: ChildProcess): Promise<void> {
  const done = exited(child);
  if (child.exitCode === null && child.signalCode === null) child.kill("SIGTERM");
  const timer = setTimeout(() => child.kill("SIGKILL"), 15_000);
  await done;
  clearTimeout(timer);
  running.delete(child);
}

/** Starts `file` under tsx with extra env and node flags; resolves once it prints "ready <port>". */
export function startChild(file: string, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildServer> {
  const child = spawn(process.execPath, [...nodeArgs, "--import", "tsx", file], {
    env: { ...process.env, ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });
  running.add(child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`${file} did not become ready within 60 s`)), 60_000);
    const fail = (e: Error) => {
      clearTimeout(timer);
      void stop(child).finally(() => reject(e));
    };
    child.once("error", fail);
    child.once("exit", (code, signal) => fail(new Error(`${file} exited before it was ready (code ${code}, signal ${signal})`)));
    createInterface({ input: child.stdout! }).on("line", (line) => {
      const m = /^ready (\d+)(?: \S+)?$/.exec(line.trim());
      if (!m) return process.stdout.write(`  [${file}] ${line}\n`);
      clearTimeout(timer);
      child.removeAllListeners("exit");
      const port = Number(m[1]);
      resolve({ port, url: `http://127.0.0.1:${port}`, pid: child.pid!, stop: () => stop(child) });
    });
  });
}

/** Stops every child still running (cleanup on error or signal). */
export async function stopAllChildren(): Promise<void> {
  await Promise.all([...running].map(stop));
}
