// The `swarm-medic` bin end to end: real processes, the same database selection as the server, --json output.
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { cloneDatabase } from "../test/db";
import { startTestAppOn, type TestApp } from "../test/app";

const run = promisify(execFile);
let databaseUrl: string;

const cli = (args: string[]) =>
  run("node", ["bin/swarm-medic.mjs", ...args], { env: { ...process.env, DATABASE_URL: databaseUrl, LOG_LEVEL: "silent" } })
    .then((r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }))
    .catch((e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }));

beforeAll(async () => {
  databaseUrl = await cloneDatabase(inject("testServerUrl"), inject("templateDb"));
});

describe("swarm-medic CLI", () => {
  let app: TestApp;
  afterAll(() => app?.close());

  it("keys create --json creates the swarm and a working ingest key", async () => {
    const r = await cli(["keys", "create", "--swarm", "cli-swarm", "--json"]);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toEqual({ swarm: "cli-swarm", key: expect.stringMatching(/^smk_[A-Za-z0-9_-]{43}$/) });
    app = await startTestAppOn(databaseUrl);
    const res = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${out.key}`, "content-type": "application/json" },
      body: JSON.stringify([{ type: "heartbeat", agent_id: "a", timestamp: Date.now() }]),
    });
    expect(res.status).toBe(202);
  });

  it("tokens create --role --json prints a token with that role", async () => {
    const r = await cli(["tokens", "create", "--role", "operator", "--name", "ci", "--json"]);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ token: expect.stringMatching(/^smt_/), role: "operator", name: "ci" });
  });

  it("users create --json creates a user who can sign in; a generated password is printed once", async () => {
    const given = await cli(["users", "create", "--email", "Ops@Example.com", "--role", "admin", "--password", "long-enough-1", "--json"]);
    expect(given.code).toBe(0);
    expect(JSON.parse(given.stdout)).toEqual({ id: expect.any(String), email: "ops@example.com", role: "admin" });
    const signIn = await fetch(`${app.url}/api/auth/sign-in/email`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "ops@example.com", password: "long-enough-1" }),
    });
    expect(signIn.status).toBe(200);
    const generated = JSON.parse((await cli(["users", "create", "--email", "v@example.com", "--role", "viewer", "--json"])).stdout);
    expect(generated.password).toMatch(/^\S{12,}$/);
  });

  it("rejects bad input with exit code 1 and a clear message, creating nothing", async () => {
    const bad = await cli(["keys", "create", "--swarm", "Bad Name", "--json"]);
    expect(bad.code).toBe(1);
    expect(JSON.parse(bad.stdout).error).toMatch(/swarm name must match/);
    const role = await cli(["tokens", "create", "--role", "root"]);
    expect(role.code).toBe(1);
    expect(role.stderr).toMatch(/--role must be viewer, operator or admin/);
    const dupe = await cli(["users", "create", "--email", "ops@example.com", "--role", "viewer"]);
    expect(dupe.code).toBe(1);
    expect(dupe.stderr).toMatch(/already exists/);
  });

  it("usage errors exit 2", async () => {
    expect((await cli([])).code).toBe(2);
    expect((await cli(["frobnicate"])).code).toBe(2);
    expect((await cli(["keys", "create", "--nope"])).code).toBe(2);
  });
});
