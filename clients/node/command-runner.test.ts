import { describe, expect, it } from "vitest";
import { CommandRunner, parseCommand, runHandler } from "./command-runner.js";
import type { Command, CommandHandler } from "./types.js";

const cmd = (id: string): Command => ({ id, kind: "retry_task", params: {}, issued_at: "", deadline: "" });

describe("CommandRunner", () => {
  it("remembers at most `capacity` ids, evicting the least recently used", async () => {
    const ran: string[] = [];
    const runner = new CommandRunner(async (c) => (ran.push(c.id), { status: "succeeded" }), 2);
    runner.run(cmd("a"));
    runner.run(cmd("b"));
    expect(runner.run(cmd("a")).replayed).toBe(true);
    runner.run(cmd("c"));
    expect(runner.run(cmd("a")).replayed).toBe(true);
    expect(runner.run(cmd("b")).replayed).toBe(false);
    await Promise.resolve();
    expect(ran).toEqual(["a", "b", "c", "b"]);
  });
});

describe("runHandler", () => {
  it("turns a throw or a malformed answer into a failed result", async () => {
    expect(await runHandler(async () => ({ status: "succeeded", detail: "ok" }), cmd("x"))).toEqual({
      result: { status: "succeeded", detail: "ok" },
      crashed: false,
    });
    expect(await runHandler(() => Promise.reject(new Error("boom")), cmd("x"))).toEqual({
      result: { status: "failed", detail: "boom" },
      crashed: true,
    });
    const sync: CommandHandler = () => {
      throw new Error("sync boom");
    };
    expect((await runHandler(sync, cmd("x"))).result).toEqual({ status: "failed", detail: "sync boom" });
    const bad = (async () => ({ status: "done" })) as unknown as CommandHandler;
    expect((await runHandler(bad, cmd("x"))).crashed).toBe(true);
  });
});

describe("parseCommand", () => {
  it("requires id and kind and defaults the rest", () => {
    expect(parseCommand({ id: "1", kind: "pause_tasks" })).toEqual({
      id: "1",
      kind: "pause_tasks",
      params: {},
      issued_at: "",
      deadline: "",
    });
    expect(parseCommand({ id: "", kind: "pause_tasks" })).toBeUndefined();
    expect(parseCommand({ id: "1" })).toBeUndefined();
    expect(parseCommand([])).toBeUndefined();
  });
});
