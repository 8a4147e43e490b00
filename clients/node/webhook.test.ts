import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Command, CommandHandler } from "./types.js";
import { createWebhookHandler, signBody, verifySignature } from "./webhook.js";

const SECRET = "whsec_test";
const command: Command = {
  id: "cmd-1",
  kind: "drain_agent",
  params: { agent_id: "a7" },
  issued_at: "2026-01-01T00:00:00Z",
  deadline: "2026-01-01T00:01:00Z",
};

describe("verifySignature", () => {
  const body = JSON.stringify(command);
  const good = signBody(SECRET, body);

  it("accepts the HMAC-SHA256 of the raw body, as string or Buffer, hex in any case", () => {
    expect(good).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(verifySignature(SECRET, body, good)).toBe(true);
    expect(verifySignature(SECRET, Buffer.from(body), good)).toBe(true);
    expect(verifySignature(SECRET, body, good.replace(/[a-f]/g, (c) => c.toUpperCase()).replace("SHA256", "sha256"))).toBe(true);
  });

  it.each<[string, string, string | undefined]>([
    ["a tampered body", `${body} `, good],
    ["a wrong secret", body, signBody("other", body)],
    ["no header", body, undefined],
    ["no sha256= prefix", body, good.slice("sha256=".length)],
    ["a truncated digest", body, good.slice(0, -2)],
    ["non-hex digits", body, `sha256=${"z".repeat(64)}`],
  ])("rejects %s", (_label, raw, header) => {
    expect(verifySignature(SECRET, raw, header)).toBe(false);
  });

  it("rejects everything under an empty secret", () => {
    expect(verifySignature("", body, signBody("", body))).toBe(false);
  });
});

describe("createWebhookHandler", () => {
  let server: Server | undefined;
  afterEach(async () => {
    server?.closeAllConnections();
    await new Promise((r) => server?.close(r));
    server = undefined;
  });

  async function listen(handler: CommandHandler): Promise<string> {
    server = createServer(createWebhookHandler({ secret: SECRET, handler }));
    await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/swarm-medic`;
  }

  const post = (url: string, body: string, signature: string | null = signBody(SECRET, body)) =>
    fetch(url, {
      method: "POST",
      headers: { "content-type": "application/json", ...(signature ? { "x-swarm-medic-signature": signature } : {}) },
      body,
    });

  it("runs the handler for a correctly signed command and answers 200 {status, detail}", async () => {
    const seen: Command[] = [];
    const url = await listen(async (c) => (seen.push(c), { status: "succeeded", detail: "drained" }));
    const res = await post(url, JSON.stringify(command));
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: "succeeded", detail: "drained" });
    expect(seen).toEqual([command]);
  });

  it("answers 401 to a tampered body or a wrong secret without running the handler", async () => {
    let runs = 0;
    const url = await listen(async () => (runs++, { status: "succeeded" }));
    const body = JSON.stringify(command);
    const tampered = await post(url, body.replace("a7", "a8"), signBody(SECRET, body));
    const wrongSecret = await post(url, body, signBody("not-the-secret", body));
    const unsigned = await post(url, body, null);
    expect([tampered.status, wrongSecret.status, unsigned.status]).toEqual([401, 401, 401]);
    expect(runs).toBe(0);
  });

  it("is idempotent by command id: a re-delivery gets the first result without running the handler again", async () => {
    let runs = 0;
    const url = await listen(async (c) => (runs++, { status: "succeeded", detail: `run ${runs} of ${c.id}` }));
    const body = JSON.stringify(command);
    const [a, b] = await Promise.all([post(url, body), post(url, body)]);
    const c = await post(url, body);
    expect(runs).toBe(1);
    for (const res of [a, b, c]) expect(await res.json()).toEqual({ status: "succeeded", detail: "run 1 of cmd-1" });
    await post(url, JSON.stringify({ ...command, id: "cmd-2" }));
    expect(runs).toBe(2);
  });

  it("answers 500 {status: failed, detail} when the handler throws, then 200 with that result on re-delivery", async () => {
    let runs = 0;
    const url = await listen(async () => {
      runs++;
      throw new Error("agent a7 unreachable");
    });
    const body = JSON.stringify(command);
    const first = await post(url, body);
    expect(first.status).toBe(500);
    expect(await first.json()).toEqual({ status: "failed", detail: "agent a7 unreachable" });
    const again = await post(url, body);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ status: "failed", detail: "agent a7 unreachable" });
    expect(runs).toBe(1);
  });

  it("answers 400 to a signed body that is not a command, 413 beyond 1 MiB and 405 to GET", async () => {
    const url = await listen(async () => ({ status: "succeeded" }));
    expect((await post(url, "not json")).status).toBe(400);
    expect((await post(url, JSON.stringify({ kind: "restart_agent" }))).status).toBe(400);
    expect((await post(url, JSON.stringify({ ...command, pad: "x".repeat(1024 * 1024) }))).status).toBe(413);
    expect((await fetch(url)).status).toBe(405);
  });
});
