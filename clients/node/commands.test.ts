import { afterEach, describe, expect, it } from "vitest";
import { CommandLoop, type CommandLoopOptions } from "./commands.js";
import { startFakeServer, type FakeServer, type Recorded, type Reply } from "./fake-server.js";
import type { Command, CommandResult } from "./types.js";

const KEY = "smk_coord";
const cmd = (id: string, kind = "restart_agent"): Command => ({
  id,
  kind,
  params: { agent_id: "a1" },
  issued_at: "2026-01-01T00:00:00Z",
  deadline: "2026-01-01T00:01:00Z",
});
const isPoll = (r: Recorded) => r.method === "GET";
const resultPosts = (s: FakeServer) => s.requests.filter((r) => r.method === "POST");

/** Answers polls from `polls` in turn (then holds them like an idle long-poll) and result posts from `results`. */
function script(polls: Reply[], results: (n: number) => Reply = () => ({ status: 200, body: { ok: true } })) {
  let poll = 0;
  let post = 0;
  return (r: Recorded): Reply => (isPoll(r) ? (polls[poll++] ?? "hold") : results(post++));
}

let server: FakeServer | undefined;
const loops: CommandLoop[] = [];
afterEach(async () => {
  await Promise.all(loops.splice(0).map((l) => l.stop()));
  await server?.close();
  server = undefined;
});

async function setup(
  s: (r: Recorded, n: number) => Reply,
  handler: CommandLoopOptions["handler"],
  options: Partial<CommandLoopOptions> = {},
) {
  server = await startFakeServer(s);
  const errors: Error[] = [];
  const loop = new CommandLoop({
    url: server.url,
    key: KEY,
    handler,
    backoff: { baseMs: 1, maxMs: 2 },
    onError: (e) => errors.push(e),
    ...options,
  });
  loops.push(loop);
  return { server, loop, errors };
}

async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error("condition not reached");
    await new Promise((r) => setTimeout(r, 2));
  }
}

describe("CommandLoop", () => {
  it("long-polls with the ingest key, runs each command and posts its result (a throw → failed)", async () => {
    const seen: Command[] = [];
    const { server, loop } = await setup(script([{ status: 200, body: [cmd("c1"), cmd("c/2", "retry_task")] }]), async (c) => {
      seen.push(c);
      if (c.id === "c/2") throw new Error("task t9 is gone");
      return { status: "succeeded", detail: "restarted" };
    });
    loop.start();
    await until(() => resultPosts(server).length === 2);
    const poll = server.requests[0]!;
    expect([poll.method, poll.path, poll.headers.authorization]).toEqual(["GET", "/api/v1/commands?wait=25", `Bearer ${KEY}`]);
    expect(seen).toEqual([cmd("c1"), cmd("c/2", "retry_task")]);
    const [r1, r2] = resultPosts(server) as [Recorded, Recorded];
    expect(r1.path).toBe("/api/v1/commands/c1/result");
    expect(JSON.parse(r1.body)).toEqual({ status: "succeeded", detail: "restarted" });
    expect(r2.path).toBe("/api/v1/commands/c%2F2/result");
    expect(JSON.parse(r2.body)).toEqual({ status: "failed", detail: "task t9 is gone" });
    expect(r2.headers.authorization).toBe(`Bearer ${KEY}`);
  });

  it("runs the handler once per id when the server re-delivers, re-posting the first result", async () => {
    let runs = 0;
    const { server, loop } = await setup(
      script([
        { status: 200, body: [cmd("c1")] },
        { status: 200, body: [cmd("c1"), cmd("c2")] },
      ]),
      async (c): Promise<CommandResult> => {
        runs++;
        return { status: "succeeded", detail: `run ${runs} for ${c.id}` };
      },
    );
    loop.start();
    await until(() => resultPosts(server).length === 3);
    expect(runs).toBe(2);
    expect(resultPosts(server).map((r) => [r.path, JSON.parse(r.body)])).toEqual([
      ["/api/v1/commands/c1/result", { status: "succeeded", detail: "run 1 for c1" }],
      ["/api/v1/commands/c1/result", { status: "succeeded", detail: "run 1 for c1" }],
      ["/api/v1/commands/c2/result", { status: "succeeded", detail: "run 2 for c2" }],
    ]);
  });

  it("stop() aborts the in-flight long-poll promptly and resolves once the loop has exited", async () => {
    const { server, loop } = await setup(script([]), async () => ({ status: "succeeded" }));
    loop.start();
    await server.request(0);
    const started = performance.now();
    await loop.stop();
    await server.closed(0);
    expect(performance.now() - started).toBeLessThan(500);
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(1);
  });

  it("can be started again after stop()", async () => {
    const { server, loop } = await setup(script([]), async () => ({ status: "succeeded" }));
    loop.start();
    loop.start();
    await server.request(0);
    await loop.stop();
    loop.start();
    await server.request(1);
    expect(server.requests.filter(isPoll)).toHaveLength(2);
  });

  it("retries a result post on 503 with the same body", async () => {
    const { server, loop, errors } = await setup(
      script([{ status: 200, body: [cmd("c1")] }], (n) => (n === 0 ? { status: 503, headers: { "retry-after": "0" } } : { status: 200 })),
      async () => ({ status: "succeeded" }),
    );
    loop.start();
    await until(() => resultPosts(server).length === 2);
    const [a, b] = resultPosts(server) as [Recorded, Recorded];
    expect(b.body).toBe(a.body);
    expect(b.path).toBe(a.path);
    expect(errors).toEqual([]);
  });

  it("backs off and keeps polling after a failed poll, reporting the error", async () => {
    const { server, loop, errors } = await setup(script([{ status: 500 }, { status: 200, body: [cmd("c1")] }]), async () => ({
      status: "succeeded",
    }));
    loop.start();
    await until(() => resultPosts(server).length === 1);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("HTTP 500")]);
  });

  it("pauses after an empty poll that came back at once instead of hammering the server", async () => {
    const { server, loop } = await setup(
      () => ({ status: 200, body: [] }),
      async () => ({ status: "succeeded" }),
    );
    loop.start();
    await server.request(0);
    await new Promise((r) => setTimeout(r, 50));
    expect(server.requests).toHaveLength(1);
  });

  it("skips and reports malformed commands", async () => {
    let runs = 0;
    const { server, loop, errors } = await setup(
      script([{ status: 200, body: [{ kind: "restart_agent" }, cmd("ok")] }]),
      async () => (runs++, { status: "succeeded" }),
    );
    loop.start();
    await until(() => resultPosts(server).length === 1);
    expect(runs).toBe(1);
    expect(errors.map((e) => e.message)).toEqual([expect.stringContaining("malformed command")]);
  });
});
