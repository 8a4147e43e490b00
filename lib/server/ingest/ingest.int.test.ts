// docs/contract.md#ingest against real Postgres: formats, 202 only after commit, dedup, all-or-nothing 400, limits, auth.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";

let app: TestApp;
let key: string;

const now = () => Date.now();
const ev = (over: Record<string, unknown> = {}) => ({ type: "heartbeat", agent_id: "agent-1", timestamp: now(), ...over });

async function post(body: unknown, opts: { key?: string | null; contentType?: string; raw?: string } = {}) {
  const headers: Record<string, string> = { "content-type": opts.contentType ?? "application/json" };
  const k = opts.key === undefined ? key : opts.key;
  if (k) headers.authorization = `Bearer ${k}`;
  const res = await fetch(`${app.url}/api/v1/events`, { method: "POST", headers, body: opts.raw ?? JSON.stringify(body) });
  return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> };
}

async function count(swarm: string, where = "TRUE", params: unknown[] = []) {
  const { rows } = await app.pool.query<{ n: string }>(
    `SELECT count(*) AS n FROM events e JOIN swarms s ON s.id = e.swarm_id WHERE s.name = $1 AND ${where}`,
    [swarm, ...params],
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey("ingest-test");
});
afterAll(() => app.close());

describe("accepted formats", () => {
  it("stores a JSON array as sent, with received_at, and answers 202 with counts", async () => {
    const sent = ev({
      id: "fmt-array-1",
      type: "task_complete",
      task_id: "t-1",
      result: "success",
      duration_ms: 12.5,
      tokens_used: 40,
      metadata: { model: "x", nested: { a: [1, 2] } },
      custom_field: "kept",
    });
    const res = await post([sent]);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ accepted: 1, duplicates: 0 });
    const { rows } = await app.pool.query(
      "SELECT type, agent_id, task_id, ts, received_at, body FROM events WHERE event_id = 'fmt-array-1'",
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].body).toEqual(sent);
    expect(rows[0].ts.getTime()).toBe(sent.timestamp);
    expect(rows[0].received_at).toBeInstanceOf(Date);
    expect([rows[0].type, rows[0].agent_id, rows[0].task_id]).toEqual(["task_complete", "agent-1", "t-1"]);
  });

  it("accepts {events: [...]}", async () => {
    const res = await post({ events: [ev({ id: "fmt-obj-1" }), ev({ id: "fmt-obj-2" })] });
    expect(res).toMatchObject({ status: 202, body: { accepted: 2, duplicates: 0 } });
  });

  it("accepts NDJSON and ISO-8601 timestamps", async () => {
    const lines = [ev({ id: "fmt-nd-1" }), ev({ id: "fmt-nd-2", timestamp: new Date().toISOString() })]
      .map((e) => JSON.stringify(e))
      .join("\n");
    const res = await post(null, { contentType: "application/x-ndjson", raw: `${lines}\n` });
    expect(res).toMatchObject({ status: 202, body: { accepted: 2, duplicates: 0 } });
    expect(await count("ingest-test", "event_id IN ('fmt-nd-1','fmt-nd-2')")).toBe(2);
  });

  it("stores events without an id (server-generated ids) every time they are sent", async () => {
    const e = ev({ agent_id: "no-id-agent" });
    await post([e]);
    await post([e]);
    expect(await count("ingest-test", "agent_id = 'no-id-agent'")).toBe(2);
  });
});

describe("idempotency by (swarm, id)", () => {
  it("does not store an id twice across requests", async () => {
    expect((await post([ev({ id: "dup-1" })])).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await post([ev({ id: "dup-1" }), ev({ id: "dup-2" })])).body).toEqual({ accepted: 1, duplicates: 1 });
    expect(await count("ingest-test", "event_id IN ('dup-1','dup-2')")).toBe(2);
  });

  it("counts a repeated id within one batch as a duplicate", async () => {
    expect((await post([ev({ id: "dup-in-1" }), ev({ id: "dup-in-1" })])).body).toEqual({ accepted: 1, duplicates: 1 });
    expect(await count("ingest-test", "event_id = 'dup-in-1'")).toBe(1);
  });

  it("stores each id once under concurrent retries of the same batch", async () => {
    const batch = Array.from({ length: 50 }, (_, i) => ev({ id: `race-${i}` }));
    const results = await Promise.all(Array.from({ length: 8 }, () => post(batch)));
    expect(results.every((r) => r.status === 202)).toBe(true);
    expect(results.reduce((s, r) => s + (r.body.accepted as number), 0)).toBe(50);
    expect(results.reduce((s, r) => s + (r.body.duplicates as number), 0)).toBe(350);
    expect(await count("ingest-test", "event_id LIKE 'race-%'")).toBe(50);
  });

  it("scopes ids per swarm: the same id in another swarm is a different event", async () => {
    const other = await app.ingestKey("ingest-other");
    expect((await post([ev({ id: "shared-id" })])).body).toEqual({ accepted: 1, duplicates: 0 });
    expect((await post([ev({ id: "shared-id" })], { key: other })).body).toEqual({ accepted: 1, duplicates: 0 });
    expect(await count("ingest-other", "TRUE")).toBe(1);
  });
});

describe("all or nothing on invalid input", () => {
  const invalid: [string, Record<string, unknown>, string][] = [
    ["missing type", { type: undefined }, "type"],
    ["bad type pattern", { type: "Bad Type" }, "type"],
    ["timestamp older than 7 days", { timestamp: Date.now() - 8 * 86_400_000 }, "timestamp"],
    ["timestamp more than 5 min ahead", { timestamp: Date.now() + 10 * 60_000 }, "timestamp"],
    ["unparseable timestamp", { timestamp: "yesterday" }, "timestamp"],
    ["negative duration", { duration_ms: -1 }, "duration_ms"],
    ["unknown result", { result: "maybe" }, "result"],
    ["fractional tokens", { tokens_used: 1.5 }, "tokens_used"],
    ["id too long", { id: "x".repeat(129) }, "id"],
    ["label over 64 chars", { severity: "s".repeat(65) }, "severity"],
    ["metadata not an object", { metadata: [1, 2] }, "metadata"],
    ["metadata over 16 KiB", { metadata: { blob: "x".repeat(17_000) } }, "metadata"],
    ["task_failed without task_id", { type: "task_failed" }, "task_id"],
    ["heartbeat without agent_id", { agent_id: undefined }, "agent_id"],
    ["queue_metric without queue_depth", { type: "queue_metric", metadata: { high_priority_count: 1 } }, "metadata.queue_depth"],
  ];

  it.each(invalid)("%s → 400 with a per-index error at %s… and nothing stored", async (_name, over, path) => {
    const marker = `bad-${Math.random().toString(36).slice(2)}`;
    const res = await post([ev({ id: `${marker}-ok` }), ev({ id: `${marker}-bad`, ...over })]);
    expect(res.status).toBe(400);
    expect(res.headers.get("content-type")).toContain("application/problem+json");
    const errors = res.body.errors as { index: number; path: string; message: string }[];
    expect(errors.some((e) => e.index === 1 && e.path.startsWith(path) && e.message.length > 0)).toBe(true);
    expect(errors.every((e) => e.index === 1)).toBe(true);
    expect(await count("ingest-test", "event_id LIKE $2", [`${marker}%`])).toBe(0);
  });

  it("400 for text Postgres cannot store (NUL, a lone surrogate) sent as JSON escapes; requests committed beside it are unaffected", async () => {
    const swarm = "ingest-text";
    const k = await app.ingestKey(swarm);
    const raw = (extra: string) =>
      `[{"type":"heartbeat","agent_id":"a","timestamp":${now()}},{"type":"heartbeat","agent_id":"b","timestamp":${now()}${extra}}]`;
    const bad = ['"metadata":{"x":"a\\u0000b"}', '"agent_id":"b\\ud800"', '"metadata":{"k\\u0000":1}'].map((f) =>
      post(null, { key: k, raw: raw(`,${f}`) }),
    );
    const good = Array.from({ length: 5 }, (_, i) => post([ev({ id: `beside-${i}` })], { key: k }));
    const [badResults, goodResults] = await Promise.all([Promise.all(bad), Promise.all(good)]);
    for (const r of badResults) {
      expect(r.status).toBe(400);
      expect(r.body.errors).toEqual([{ index: 1, path: expect.any(String), message: expect.stringContaining("cannot be stored") }]);
    }
    expect(goodResults.map((r) => r.status)).toEqual([202, 202, 202, 202, 202]);
    expect(await count(swarm)).toBe(5);
  });

  it("400 on malformed JSON and 415 on an unsupported content type, storing nothing", async () => {
    expect((await post(null, { raw: '[{"type": "heartbeat",' })).status).toBe(400);
    expect((await post([ev()], { contentType: "application/xml" })).status).toBe(415);
  });
});

describe("limits", () => {
  it("413 above 5,000 events, nothing stored", async () => {
    const big = Array.from({ length: 5_001 }, (_, i) => ev({ id: `big-${i}` }));
    const res = await post(big);
    expect(res.status).toBe(413);
    expect(await count("ingest-test", "event_id LIKE 'big-%'")).toBe(0);
  });

  it("accepts exactly 5,000 events", async () => {
    const max = Array.from({ length: 5_000 }, (_, i) => ev({ id: `max-${i}` }));
    expect((await post(max)).body).toEqual({ accepted: 5_000, duplicates: 0 });
  });

  it("413 above 5 MiB", async () => {
    const fat = Array.from({ length: 400 }, (_, i) => ev({ id: `fat-${i}`, metadata: { blob: "y".repeat(15_000) } }));
    const res = await post(fat);
    expect(res.status).toBe(413);
    expect(await count("ingest-test", "event_id LIKE 'fat-%'")).toBe(0);
  });
});

describe("authentication", () => {
  it("401 without a key, with a wrong key, and with a revoked key", async () => {
    expect((await post([ev()], { key: null })).status).toBe(401);
    expect((await post([ev()], { key: "smk_not-a-real-key" })).status).toBe(401);
    const revoked = await app.ingestKey("ingest-revoked");
    const { rows } = await app.pool.query<{ id: number }>(
      "UPDATE ingest_keys SET revoked_at = now() WHERE swarm_id = (SELECT id FROM swarms WHERE name = 'ingest-revoked') RETURNING id",
    );
    // The verifier caches for a few seconds: once it forgets the key's verdicts, revocation is reflected immediately.
    for (const { id } of rows) app.ingestKeys.forget(id);
    expect((await post([ev({ id: "revoked-1" })], { key: revoked })).status).toBe(401);
    expect(await count("ingest-revoked")).toBe(0);
  });

  it("names the request in the problem body and header, reusing the caller's x-request-id", async () => {
    const res = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": "retry-7f3a" },
      body: "[]",
    });
    expect(res.status).toBe(401);
    expect(res.headers.get("x-request-id")).toBe("retry-7f3a");
    expect(await res.json()).toMatchObject({ status: 401, request_id: "retry-7f3a" });
  });

  it("stores keys only as peppered hashes with a display prefix", async () => {
    const k = await app.ingestKey("ingest-hash");
    const { rows } = await app.pool.query(
      "SELECT prefix, hash FROM ingest_keys k JOIN swarms s ON s.id = k.swarm_id WHERE s.name = 'ingest-hash'",
    );
    expect(rows[0].prefix).toBe(k.slice(0, 12));
    expect(rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(k);
  });

  it("405 for other methods", async () => {
    const res = await fetch(`${app.url}/api/v1/events`, { headers: { authorization: `Bearer ${key}` } });
    expect(res.status).toBe(405);
  });
});

describe("after commit", () => {
  it("feeds stored (not duplicate) events to the swarm's engine", async () => {
    const k = await app.ingestKey("ingest-engine");
    await post([ev({ id: "eng-1" }), ev({ id: "eng-2", agent_id: "agent-2" })], { key: k });
    await post([ev({ id: "eng-1" })], { key: k });
    await vi.waitFor(() => expect(app.engine.snapshot("ingest-engine")).toMatchObject({ events_total: 2, active_agents: 2 }), {
      timeout: 10_000,
    });
  });
});

describe("replay clock", () => {
  it("X-Swarm-Medic-Clock: event makes the swarm's engine tick on event time; wall switches back", async () => {
    const k = await app.ingestKey("ingest-replay");
    const ticks: number[] = [];
    const off = app.engine.on("metrics.tick", (t) => t.swarm === "ingest-replay" && ticks.push(t.at));
    const t0 = Math.floor((Date.now() - 3_600_000) / 1000) * 1000;
    const events = [0, 1500, 2500, 4200].map((dt, i) => ({ id: `rp-${i}`, type: "heartbeat", agent_id: "a", timestamp: t0 + dt }));
    const res = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${k}`, "content-type": "application/json", "x-swarm-medic-clock": "event" },
      body: JSON.stringify(events),
    });
    expect(res.status).toBe(202);
    await vi.waitFor(() => expect(ticks).toEqual([t0 + 1000, t0 + 2000, t0 + 3000, t0 + 4000]), { timeout: 10_000 });
    app.engine.tick();
    expect(ticks).toHaveLength(4);
    await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${k}`, "content-type": "application/json", "x-swarm-medic-clock": "wall" },
      body: "[]",
    });
    app.engine.tick();
    expect(ticks).toHaveLength(5);
    off();
  });
});
