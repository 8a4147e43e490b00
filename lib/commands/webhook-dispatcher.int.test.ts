// The push side against a local test receiver: signed bodies, results from the 2xx answer, retries with backoff
// (the lease is the retry timer) until a 2xx, no delivery after the deadline, admin-only configuration.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as getWebhook, PUT as putWebhook } from "@/app/api/v1/swarms/[swarm]/webhook/route";
import { startTestApp, type TestApp } from "../../test/app";
import { dispatchWebhooks, retryDelayMs, signBody } from "./webhook-dispatcher";

const SECRET = "a-very-secret-webhook-key";
let app: TestApp;
let swarmId: number;
let receiver: http.Server;
let receiverUrl: string;
const seen: { body: string; signature: string | undefined }[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  app = await startTestApp();
  await app.ingestKey("pushed");
  swarmId = (await app.rt.db.swarm.findUniqueOrThrow({ where: { name: "pushed" } })).id;
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ body, signature: req.headers["x-swarm-medic-signature"] as string | undefined });
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end();
      } else res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ status: "succeeded", detail: `did ${JSON.parse(body).kind}` }));
    });
  });
  await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
});
afterAll(async () => {
  receiver.close();
  await app.close();
});

const configure = async (role: "admin" | "operator") =>
  putWebhook(
    new Request(`${app.url}/x`, { method: "PUT", headers: { authorization: `Bearer ${await app.token(role)}`, "content-type": "application/json" }, body: JSON.stringify({ url: receiverUrl, secret: SECRET }) }),
    { params: Promise.resolve({ swarm: "pushed" }) },
  );
const command = (deadlineInMs: number) =>
  app.rt.db.command.create({ data: { swarmId, kind: "drain_agent", params: { agent_id: "a-1" }, issuedAt: new Date(), deadline: new Date(Date.now() + deadlineInMs) } });
const log = pino({ level: "silent" });

describe("webhook push", () => {
  it("only admins configure it, and the secret is never returned", async () => {
    expect((await configure("operator")).status).toBe(403);
    expect((await configure("admin")).status).toBe(200);
    const res = await getWebhook(new Request(`${app.url}/x`, { headers: { authorization: `Bearer ${await app.token("admin")}` } }), { params: Promise.resolve({ swarm: "pushed" }) });
    const body = await res.json();
    expect(body).toEqual({ url: receiverUrl, secret_set: true });
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it("POSTs the command signed with HMAC-SHA256 of the raw body and records the 2xx answer as the result", async () => {
    const cmd = await command(60_000);
    seen.length = 0;
    expect(await dispatchWebhooks(app.rt, log)).toBe(1);
    expect(seen).toHaveLength(1);
    const expected = `sha256=${createHmac("sha256", SECRET).update(seen[0]!.body).digest("hex")}`;
    expect(seen[0]!.signature).toBe(expected);
    expect(JSON.parse(seen[0]!.body)).toEqual({ id: cmd.id, kind: "drain_agent", params: { agent_id: "a-1" }, issued_at: cmd.issuedAt.toISOString(), deadline: cmd.deadline.toISOString() });
    expect(await app.rt.db.command.findUniqueOrThrow({ where: { id: cmd.id } })).toMatchObject({ status: "succeeded", detail: "did drain_agent", attempts: 1 });
  });

  it("retries a failing receiver with backoff until it answers, then stops", async () => {
    const cmd = await command(600_000);
    seen.length = 0;
    failuresLeft = 2;
    let now = Date.now();
    expect(await dispatchWebhooks(app.rt, log, now)).toBe(0);
    const lease1 = (await app.rt.db.command.findUniqueOrThrow({ where: { id: cmd.id } })).leaseUntil!.getTime();
    expect(lease1 - now).toBeGreaterThanOrEqual(250);
    expect(await dispatchWebhooks(app.rt, log, lease1 - 1)).toBe(0);
    expect(seen).toHaveLength(1);
    now = lease1 + 1;
    expect(await dispatchWebhooks(app.rt, log, now)).toBe(0);
    const lease2 = (await app.rt.db.command.findUniqueOrThrow({ where: { id: cmd.id } })).leaseUntil!.getTime();
    expect(lease2 - now).toBeGreaterThanOrEqual(500);
    expect(await dispatchWebhooks(app.rt, log, lease2 + 1)).toBe(1);
    expect(seen).toHaveLength(3);
    expect(await app.rt.db.command.findUniqueOrThrow({ where: { id: cmd.id } })).toMatchObject({ status: "succeeded", attempts: 3 });
    expect(await dispatchWebhooks(app.rt, log, lease2 + 60_000)).toBe(0);
    expect(seen).toHaveLength(3);
  });

  it("never pushes a command past its deadline", async () => {
    await command(-1);
    seen.length = 0;
    expect(await dispatchWebhooks(app.rt, log)).toBe(0);
    expect(seen).toHaveLength(0);
  });
});

describe("backoff", () => {
  it.each([
    [1, 0, 250], [1, 1, 500], [2, 1, 1_000], [3, 0.5, 1_500], [20, 1, 30_000],
  ])("attempt %i with random %f → %i ms", (attempts, random, ms) => {
    expect(retryDelayMs(attempts, () => random)).toBe(ms);
  });
  it("signs like the contract says", () => {
    expect(signBody("k", "{}")).toBe(`sha256=${createHmac("sha256", "k").update("{}").digest("hex")}`);
  });
});
