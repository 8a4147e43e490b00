import { afterEach, describe, expect, it, vi } from "vitest";
import { DeliveryError, QueueFullError, SwarmMedicClient, type SwarmMedicClientOptions } from "./client.js";
import { startFakeServer, type FakeServer, type Recorded, type Reply } from "./fake-server.js";
import type { FetchLike, SwarmEvent } from "./types.js";

const KEY = "smk_test";
const ev = (i: number, extra: Partial<SwarmEvent> = {}): SwarmEvent => ({
  type: "heartbeat",
  agent_id: `a${i}`,
  timestamp: 1_700_000_000_000 + i,
  ...extra,
});
const bodyOf = (r: Recorded) => JSON.parse(r.body) as SwarmEvent[];
const ids = (r: Recorded) => bodyOf(r).map((e) => e.id);
const accepted = (r: Recorded): Reply => ({ status: 202, body: { accepted: bodyOf(r).length, duplicates: 0 } });

/** Lets real I/O and immediates run (fake timers leave setImmediate alone) until `cond` holds. */
async function until(cond: () => boolean, ms = 2000): Promise<void> {
  const end = performance.now() + ms;
  while (!cond()) {
    if (performance.now() > end) throw new Error("condition not reached");
    await new Promise((r) => setImmediate(r));
  }
}

let server: FakeServer | undefined;
const clients: SwarmMedicClient[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(clients.splice(0).map((c) => c.close({ timeoutMs: 10 })));
  await server?.close();
  server = undefined;
});

async function setup(script: (r: Recorded, n: number) => Reply | Promise<Reply>, options: Partial<SwarmMedicClientOptions> = {}) {
  server = await startFakeServer(script);
  const errors: DeliveryError[] = [];
  let fetchCalls = 0;
  const countingFetch: FetchLike = (input, init) => (fetchCalls++, fetch(input, init));
  const client = new SwarmMedicClient({
    url: `${server.url}/`,
    key: KEY,
    flushIntervalMs: 60_000,
    backoff: { baseMs: 1, maxMs: 2 },
    fetch: countingFetch,
    onError: (e) => errors.push(e),
    ...options,
  });
  clients.push(client);
  return { server, client, errors, fetchCalls: () => fetchCalls };
}

describe("SwarmMedicClient batching", () => {
  it("sends a batch as soon as batchSize events are queued, in order, with the ingest key", async () => {
    const { server, client } = await setup(accepted, { batchSize: 3 });
    client.send([ev(0), ev(1), ev(2), ev(3)]);
    const first = await server.request(0);
    expect(first.method).toBe("POST");
    expect(first.path).toBe("/api/v1/events");
    expect(first.headers.authorization).toBe(`Bearer ${KEY}`);
    expect(first.headers["content-type"]).toBe("application/json");
    expect(bodyOf(first).map((e) => e.agent_id)).toEqual(["a0", "a1", "a2"]);
    await client.flush();
    expect(server.requests.map((r) => bodyOf(r).map((e) => e.agent_id))).toEqual([["a0", "a1", "a2"], ["a3"]]);
    expect(client.stats()).toEqual({ sent: 4, accepted: 4, duplicates: 0, retries: 0, dropped: 0, queued: 0 });
  });

  it("splits batches by bytes so no request body exceeds maxBatchBytes", async () => {
    const { server, client } = await setup(accepted, { maxBatchBytes: 1024 });
    const events = Array.from({ length: 10 }, (_, i) => ev(i, { metadata: { pad: "x".repeat(300) } }));
    client.send(events);
    await server.request(0);
    await client.flush();
    expect(server.requests.length).toBeGreaterThan(3);
    for (const r of server.requests) expect(Buffer.byteLength(r.body)).toBeLessThanOrEqual(1024);
    expect(server.requests.flatMap((r) => bodyOf(r).map((e) => e.agent_id))).toEqual(events.map((e) => e.agent_id));
  });

  it("sends a partial batch when flushIntervalMs elapses (fake timers)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { server, client, fetchCalls } = await setup(accepted, { flushIntervalMs: 1000 });
    client.send([ev(0), ev(1)]);
    await vi.advanceTimersByTimeAsync(999);
    expect(fetchCalls()).toBe(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchCalls()).toBe(1);
    expect(bodyOf(await server.request(0))).toHaveLength(2);
  });

  it("sends one batch at a time: the next request waits for the previous answer", async () => {
    let release: (() => void) | undefined;
    const { server, client } = await setup(
      async (r, n) => {
        if (n === 0) await new Promise<void>((resolve) => (release = resolve));
        return accepted(r);
      },
      { batchSize: 2 },
    );
    client.send([ev(0), ev(1), ev(2), ev(3)]);
    await server.request(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(server.requests).toHaveLength(1);
    expect(client.stats().queued).toBe(4);
    release?.();
    await client.flush();
    expect(server.requests.map((r) => bodyOf(r).map((e) => e.agent_id))).toEqual([
      ["a0", "a1"],
      ["a2", "a3"],
    ]);
  });
});

describe("SwarmMedicClient event validation and backpressure", () => {
  it("requires type and timestamp, keeps given ids and adds UUIDs to the rest, all or nothing", async () => {
    const { server, client } = await setup(accepted);
    expect(() => client.send({ type: "heartbeat" } as unknown as SwarmEvent)).toThrow(/timestamp is required/);
    expect(() => client.send({ timestamp: 1 } as unknown as SwarmEvent)).toThrow(/type/);
    expect(() => client.send([ev(0), null as unknown as SwarmEvent])).toThrow(/event 1: must be an object/);
    expect(() => client.send(ev(0, { id: "" }))).toThrow(/id/);
    expect(client.stats().queued).toBe(0);
    const bare = ev(2);
    client.send([ev(1, { id: "mine" }), bare]);
    expect(bare).not.toHaveProperty("id");
    await client.flush();
    const [given, generated] = ids(server.requests[0]!);
    expect(given).toBe("mine");
    expect(generated).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("throws QueueFullError beyond maxQueue without queuing any of the rejected events", async () => {
    const { client } = await setup(accepted, { maxQueue: 5 });
    client.send([ev(0), ev(1), ev(2), ev(3)]);
    expect(() => client.send([ev(4), ev(5)])).toThrow(QueueFullError);
    expect(client.stats().queued).toBe(4);
    client.send(ev(4));
    expect(() => client.send(ev(5))).toThrow(QueueFullError);
    await client.flush();
    expect(client.stats()).toMatchObject({ queued: 0, sent: 5 });
    client.send(ev(5));
    expect(client.stats().queued).toBe(1);
  });

  it("rejects options outside the server's limits", () => {
    expect(() => new SwarmMedicClient({ url: "http://x", key: KEY, batchSize: 5001 })).toThrow(RangeError);
    expect(() => new SwarmMedicClient({ url: "http://x", key: KEY, maxBatchBytes: 5 * 1024 * 1024 })).toThrow(RangeError);
    expect(() => new SwarmMedicClient({ url: "ftp://x", key: KEY })).toThrow(TypeError);
    expect(() => new SwarmMedicClient({ url: "http://x", key: "" })).toThrow(TypeError);
  });
});

describe("SwarmMedicClient retries", () => {
  it("retries a 503 with the same body and the same ids", async () => {
    const { server, client, errors } = await setup((r, n) =>
      n === 0 ? { status: 503, headers: { "retry-after": "0" } } : { status: 202, body: { accepted: 1, duplicates: 2 } },
    );
    client.send([ev(0), ev(1), ev(2)]);
    await client.flush();
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests as [Recorded, Recorded];
    expect(ids(first).every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(ids(second)).toEqual(ids(first));
    expect(second.body).toBe(first.body);
    expect(errors).toEqual([]);
    expect(client.stats()).toEqual({ sent: 3, accepted: 1, duplicates: 2, retries: 1, dropped: 0, queued: 0 });
  });

  it("retries network errors with the same ids", async () => {
    const bodies: string[] = [];
    let calls = 0;
    const flaky: FetchLike = (input, init) => {
      bodies.push(String(init.body));
      return ++calls === 1 ? Promise.reject(new TypeError("fetch failed")) : fetch(input, init);
    };
    const { server, client } = await setup(accepted, { fetch: flaky });
    client.send([ev(0), ev(1)]);
    await client.flush();
    expect(bodies).toHaveLength(2);
    expect(bodies[1]).toBe(bodies[0]);
    expect(server.requests).toHaveLength(1);
    expect(client.stats()).toMatchObject({ sent: 2, retries: 1 });
  });

  it("retries a request that gets no answer within requestTimeoutMs, with the same ids", async () => {
    // 1 s, not less: the answered retry must come back within it even on a loaded machine.
    const { server, client } = await setup((r, n) => (n === 0 ? "hold" : accepted(r)), { requestTimeoutMs: 1_000 });
    client.send([ev(0), ev(1)]);
    await client.flush();
    expect(server.requests).toHaveLength(2);
    expect(ids(server.requests[1]!)).toEqual(ids(server.requests[0]!));
    expect(client.stats()).toMatchObject({ sent: 2, retries: 1, dropped: 0 });
  });

  it("waits for Retry-After before retrying (fake timers)", async () => {
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    const { server, client, fetchCalls } = await setup(
      (r, n) => (n === 0 ? { status: 429, headers: { "retry-after": "3" } } : accepted(r)),
      { backoff: { baseMs: 1, maxMs: 1 } },
    );
    client.send(ev(0));
    const flushed = client.flush();
    await server.request(0);
    await until(() => client.stats().retries === 1);
    await vi.advanceTimersByTimeAsync(2999);
    expect(fetchCalls()).toBe(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(fetchCalls()).toBe(2);
    await flushed;
    expect(ids(server.requests[1]!)).toEqual(ids(server.requests[0]!));
  });

  it("gives up after maxRetries, reports the events with their ids and counts them dropped", async () => {
    const { server, client, errors } = await setup(() => ({ status: 500 }), { maxRetries: 2 });
    client.send([ev(0), ev(1)]);
    await client.flush();
    expect(server.requests).toHaveLength(3);
    expect(new Set(server.requests.map((r) => r.body)).size).toBe(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: "retries_exhausted", status: 500 });
    expect(errors[0]?.events.map((e) => e.id)).toEqual(ids(server.requests[0]!));
    expect(client.stats()).toMatchObject({ sent: 0, retries: 2, dropped: 2, queued: 0 });
  });

  it("does not retry a 400 and reports the per-index errors", async () => {
    const problem = {
      type: "x",
      title: "Bad Request",
      status: 400,
      detail: "invalid",
      errors: [{ index: 1, path: "type", message: "bad type" }],
    };
    const { server, client, errors } = await setup(() => ({ status: 400, body: problem }));
    client.send([ev(0), ev(1, { type: "Bad" })]);
    await client.flush();
    expect(server.requests).toHaveLength(1);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ reason: "invalid", status: 400, errors: [{ index: 1, path: "type", message: "bad type" }] });
    expect(errors[0]?.events).toHaveLength(2);
    expect(client.stats()).toMatchObject({ dropped: 2, retries: 0 });
  });

  it.each([
    [401, "unauthorized"],
    [413, "too_large"],
  ])("does not retry a %i", async (status, reason) => {
    const { server, client, errors } = await setup(() => ({ status }));
    client.send(ev(0));
    await client.flush();
    expect(server.requests).toHaveLength(1);
    expect(errors.map((e) => e.reason)).toEqual([reason]);
  });
});

describe("SwarmMedicClient flush and close", () => {
  it("flush resolves only once the server has acknowledged", async () => {
    let release: (() => void) | undefined;
    const { server, client } = await setup(async (r) => {
      await new Promise<void>((resolve) => (release = resolve));
      return accepted(r);
    });
    client.send(ev(0));
    let done = false;
    const flushed = client.flush().then(() => (done = true));
    await server.request(0);
    await new Promise((r) => setTimeout(r, 20));
    expect(done).toBe(false);
    release?.();
    await flushed;
    expect(client.stats()).toMatchObject({ sent: 1, queued: 0 });
    await expect(client.flush()).resolves.toBeUndefined();
  });

  it("close sends what is queued and then refuses new events", async () => {
    const { server, client } = await setup(accepted);
    client.send([ev(0), ev(1)]);
    await client.close();
    expect(server.requests).toHaveLength(1);
    expect(client.stats()).toMatchObject({ sent: 2, queued: 0 });
    expect(() => client.send(ev(2))).toThrow(/closed/);
  });

  it("close({timeoutMs}) abandons a batch stuck in retries and reports it", async () => {
    const { client, errors } = await setup(() => ({ status: 503, headers: { "retry-after": "600" } }));
    client.send([ev(0), ev(1)]);
    await client.close({ timeoutMs: 20 });
    expect(errors.map((e) => e.reason)).toEqual(["aborted"]);
    expect(client.stats()).toMatchObject({ dropped: 2, queued: 0 });
  });
});
