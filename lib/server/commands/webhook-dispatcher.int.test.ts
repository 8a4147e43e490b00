// The push side against a local test receiver: signed bodies, results from the 2xx answer, retries with backoff
// (the lease is the retry timer) until a 2xx, no delivery after the deadline, admin-only configuration.
import { createHmac } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { GET as getWebhook, PUT as putWebhook } from "@/app/api/v1/swarms/[swarm]/webhook/route";
import { startTestApp, type TestApp } from "../../../test/app";
import { WebhookBreakers } from "./webhook-breakers";
import { dispatchWebhooks, retryDelayMs, signBody } from "./webhook-dispatcher";

const SECRET = "a-very-secret-webhook-key";
let app: TestApp;
let swarmId: number;
/** What a dispatch round uses, read from the app now (a test swaps the breakers). */
const dispatch = () => ({ db: app.db, pool: app.pool, cluster: app.cluster, breakers: app.webhookBreakers });
let receiver: http.Server;
let receiverUrl: string;
const seen: { body: string; signature: string | undefined }[] = [];
let failuresLeft = 0;

beforeAll(async () => {
  app = await startTestApp();
  await app.ingestKey("pushed");
  swarmId = (await app.db.swarm.findUniqueOrThrow({ where: { name: "pushed" } })).id;
  receiver = http.createServer((req, res) => {
    let body = "";
    req.on("data", (c) => (body += c));
    req.on("end", () => {
      seen.push({ body, signature: req.headers["x-swarm-medic-signature"] as string | undefined });
      if (failuresLeft > 0) {
        failuresLeft--;
        res.writeHead(503).end();
      } else
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ status: "succeeded", detail: `did ${JSON.parse(body).kind}` }));
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
    new Request(`${app.url}/x`, {
      method: "PUT",
      headers: { authorization: `Bearer ${await app.token(role)}`, "content-type": "application/json" },
      body: JSON.stringify({ url: receiverUrl, secret: SECRET }),
    }),
    { params: Promise.resolve({ swarm: "pushed" }) },
  );
const command = (deadlineInMs: number) =>
  app.db.command.create({
    data: {
      swarmId,
      kind: "drain_agent",
      params: { agent_id: "a-1" },
      issuedAt: new Date(),
      deadline: new Date(Date.now() + deadlineInMs),
    },
  });
const log = pino({ level: "silent" });

describe("webhook push", () => {
  it("only admins configure it, and the secret is never returned", async () => {
    expect((await configure("operator")).status).toBe(403);
    expect((await configure("admin")).status).toBe(200);
    const res = await getWebhook(new Request(`${app.url}/x`, { headers: { authorization: `Bearer ${await app.token("admin")}` } }), {
      params: Promise.resolve({ swarm: "pushed" }),
    });
    const body = await res.json();
    expect(body).toEqual({ url: receiverUrl, secret_set: true });
    expect(JSON.stringify(body)).not.toContain(SECRET);
  });

  it("POSTs the command signed with HMAC-SHA256 of the raw body and records the 2xx answer as the result", async () => {
    const cmd = await command(60_000);
    seen.length = 0;
    expect(await dispatchWebhooks(dispatch(), log)).toBe(1);
    expect(seen).toHaveLength(1);
    const expected = `sha256=${createHmac("sha256", SECRET).update(seen[0]!.body).digest("hex")}`;
    expect(seen[0]!.signature).toBe(expected);
    expect(JSON.parse(seen[0]!.body)).toEqual({
      id: cmd.id,
      kind: "drain_agent",
      params: { agent_id: "a-1" },
      issued_at: cmd.issuedAt.toISOString(),
      deadline: cmd.deadline.toISOString(),
    });
    expect(await app.db.command.findFirstOrThrow({ where: { id: cmd.id } })).toMatchObject({
      status: "succeeded",
      detail: "did drain_agent",
      attempts: 1,
    });
  });

  it("retries a failing receiver with backoff until it answers, then stops", async () => {
    const cmd = await command(600_000);
    seen.length = 0;
    failuresLeft = 2;
    let now = Date.now();
    expect(await dispatchWebhooks(dispatch(), log, now)).toBe(0);
    const lease1 = (await app.db.command.findFirstOrThrow({ where: { id: cmd.id } })).leaseUntil!.getTime();
    expect(lease1 - now).toBeGreaterThanOrEqual(250);
    expect(await dispatchWebhooks(dispatch(), log, lease1 - 1)).toBe(0);
    expect(seen).toHaveLength(1);
    now = lease1 + 1;
    expect(await dispatchWebhooks(dispatch(), log, now)).toBe(0);
    const lease2 = (await app.db.command.findFirstOrThrow({ where: { id: cmd.id } })).leaseUntil!.getTime();
    expect(lease2 - now).toBeGreaterThanOrEqual(500);
    expect(await dispatchWebhooks(dispatch(), log, lease2 + 1)).toBe(1);
    expect(seen).toHaveLength(3);
    expect(await app.db.command.findFirstOrThrow({ where: { id: cmd.id } })).toMatchObject({ status: "succeeded", attempts: 3 });
    expect(await dispatchWebhooks(dispatch(), log, lease2 + 60_000)).toBe(0);
    expect(seen).toHaveLength(3);
  });

  it("never pushes a command past its deadline", async () => {
    await command(-1);
    seen.length = 0;
    expect(await dispatchWebhooks(dispatch(), log)).toBe(0);
    expect(seen).toHaveLength(0);
  });
});

describe("circuit breaker on the webhook target", () => {
  it("opens after repeated failures (no claims, commands wait in Postgres), probes once after the reset time, closes on success", async () => {
    app.webhookBreakers.shutdown();
    app.webhookBreakers = new WebhookBreakers({
      resetTimeout: 300,
      errorThresholdPercentage: 50,
      volumeThreshold: 3,
      rollingCountTimeout: 60_000,
    });
    await app.db.command.updateMany({ where: { swarmId, status: { in: ["pending", "dispatched"] } }, data: { status: "timed_out" } });
    const cmds = await Promise.all(Array.from({ length: 5 }, () => command(600_000)));
    seen.length = 0;
    failuresLeft = 1_000;
    expect(await dispatchWebhooks(dispatch(), log)).toBe(0);
    expect(seen).toHaveLength(5); // one round: five failed deliveries
    expect(app.webhookBreakers.state(receiverUrl)).toBe("open");

    // Open: the next round, even with every lease expired, claims and sends nothing.
    const later = Date.now() + 120_000;
    expect(await dispatchWebhooks(dispatch(), log, later)).toBe(0);
    expect(seen).toHaveLength(5);
    const attempts = (await app.db.command.findMany({ where: { id: { in: cmds.map((c) => c.id) } } })).map((c) => c.attempts);
    expect(attempts).toEqual([1, 1, 1, 1, 1]);

    // Half-open after the reset time: one probe; it succeeds, the circuit closes and the rest go out.
    await vi.waitFor(() => expect(app.webhookBreakers.state(receiverUrl)).toBe("half_open"), { timeout: 5_000 });
    failuresLeft = 0;
    expect(await dispatchWebhooks(dispatch(), log, later)).toBe(1);
    expect(seen).toHaveLength(6);
    expect(app.webhookBreakers.state(receiverUrl)).toBe("closed");
    expect(await dispatchWebhooks(dispatch(), log, later)).toBe(4);
    const statuses = (await app.db.command.findMany({ where: { id: { in: cmds.map((c) => c.id) } } })).map((c) => c.status);
    expect(statuses).toEqual(["succeeded", "succeeded", "succeeded", "succeeded", "succeeded"]);
  });
});

describe("backoff", () => {
  it.each([
    [1, 0, 250],
    [1, 1, 500],
    [2, 1, 1_000],
    [3, 0.5, 1_500],
    [20, 1, 30_000],
  ])("attempt %i with random %f → %i ms", (attempts, random, ms) => {
    expect(retryDelayMs(attempts, () => random)).toBe(ms);
  });
  it("signs like the contract says", () => {
    expect(signBody("k", "{}")).toBe(`sha256=${createHmac("sha256", "k").update("{}").digest("hex")}`);
  });
});
