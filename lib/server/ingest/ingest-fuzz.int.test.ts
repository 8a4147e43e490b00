// Scenarios docs/reliability.md#i1 to docs/reliability.md#i4 against the real server and Postgres: 10,000 generated bad requests (wrong types, NaN/Infinity as
// raw JSON text, huge numbers, deep nesting, unicode, NUL and lone surrogates, oversized strings, malformed JSON, wrong
// content types, an invalid event hidden among valid ones) → never a 5xx, never a 2xx, nothing stored, memory bounded.
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestApp, type TestApp } from "../../../test/app";

const RUNS = 10_000;
const SWARM = "fuzz-swarm";

let app: TestApp;
let key: string;

/** A raw request: the body text as sent and its content type. */
type RawRequest = { body: string; contentType: string };

const validEvent = fc.record({
  id: fc.uuid(),
  type: fc.constantFrom("heartbeat", "task_complete", "queue_metric", "custom.thing"),
  agent_id: fc.constantFrom("agent-1", "agent-2"),
  task_id: fc.constant("t-1"),
  timestamp: fc.constant(0).map(() => Date.now()),
});

/** Values that no field of the event schema accepts in place of a string or a number of the right kind. */
const wrongValue = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.constant([]),
  fc.dictionary(fc.string({ maxLength: 4 }), fc.integer(), { maxKeys: 2 }),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ max: -Number.MIN_VALUE, noNaN: true }),
  fc.string({ minLength: 129, maxLength: 400 }),
  fc.string({ unit: "grapheme", minLength: 129, maxLength: 200 }),
);

/** One field broken per event: a wrong type for a typed field, a bad type name or timestamp, oversized metadata. */
const brokenEvent = fc.oneof(
  fc
    .tuple(
      validEvent,
      fc.constantFrom(
        "id",
        "type",
        "agent_id",
        "task_id",
        "duration_ms",
        "result",
        "tokens_used",
        "timestamp",
        "health_state",
        "current_usage",
      ),
      wrongValue,
    )
    .map(([e, field, v]) => ({ ...e, [field]: v })),
  fc
    .tuple(
      validEvent,
      fc.string({ unit: "grapheme", maxLength: 20 }).filter((t) => !/^[a-z][a-z0-9_.-]{0,63}$/.test(t)),
    )
    .map(([e, type]) => ({ ...e, type })),
  fc
    .tuple(
      validEvent,
      fc.oneof(
        fc.constant("yesterday"),
        fc.constant("2026-13-45T99:00:00Z"),
        fc.integer({ min: 1, max: 1e6 }),
        fc.constant(Date.now() + 3_600_000),
      ),
    )
    .map(([e, timestamp]) => ({ ...e, timestamp })),
  fc.tuple(validEvent, fc.string({ minLength: 17_000, maxLength: 18_000 })).map(([e, s]) => ({ ...e, metadata: { blob: s } })),
  fc
    .tuple(validEvent, fc.oneof(fc.constant(null), fc.constant([1]), fc.string({ maxLength: 5 }), fc.integer()))
    .map(([e, metadata]) => ({ ...e, metadata })),
  fc
    .tuple(validEvent, fc.constantFrom("task_failed", "task_start", "heartbeat"))
    .map(([e, type]) => ({ ...e, type, agent_id: undefined, task_id: undefined })),
  validEvent.map(({ type: _t, ...rest }) => rest),
  // Text JSON can carry but Postgres cannot store: NUL and unpaired surrogates, as values or keys, anywhere.
  fc
    .tuple(
      validEvent,
      fc.constantFrom("a\u0000b", "\ud800", "x\udc00y", "\u0000"),
      fc.constantFrom("metadata", "agent_id", "custom_field", "key"),
    )
    .map(([e, text, where]) =>
      where === "key"
        ? { ...e, metadata: { [text]: 1 } }
        : where === "metadata"
          ? { ...e, metadata: { note: text } }
          : { ...e, [where]: text },
    ),
);

/** A JSON batch with at least one broken event among valid ones, in one of the three accepted shapes. */
const badBatch: fc.Arbitrary<RawRequest> = fc
  .tuple(
    fc.array(validEvent, { maxLength: 5 }),
    fc.array(brokenEvent, { minLength: 1, maxLength: 3 }),
    fc.constantFrom("array", "object", "ndjson"),
  )
  .chain(([valid, broken, shape]) =>
    fc.shuffledSubarray([...valid, ...broken], { minLength: valid.length + broken.length }).map((events) => {
      if (shape === "ndjson") return { body: events.map((e) => JSON.stringify(e)).join("\n"), contentType: "application/x-ndjson" };
      return { body: JSON.stringify(shape === "array" ? events : { events }), contentType: "application/json" };
    }),
  );

/** Bodies that are not valid JSON (or carry NaN, Infinity or numbers beyond double range as raw text). */
const malformedBody: fc.Arbitrary<RawRequest> = fc
  .oneof(
    fc
      .string({ unit: "binary", maxLength: 200 })
      .filter((s) => !isJson(s))
      .map((body) => ({ body, contentType: "application/json" })),
    validEvent.map((e) => ({ body: JSON.stringify([e]).replace(/"timestamp":\d+/, '"timestamp":NaN'), contentType: "application/json" })),
    validEvent.map((e) => ({
      body: JSON.stringify([{ ...e, duration_ms: 1 }]).replace('"duration_ms":1', '"duration_ms":Infinity'),
      contentType: "application/json",
    })),
    validEvent.map((e) => ({
      body: JSON.stringify([{ ...e, duration_ms: 1 }]).replace('"duration_ms":1', '"duration_ms":1e999'),
      contentType: "application/json",
    })),
    validEvent.map((e) => ({ body: `${JSON.stringify(e)}\n{"type": "heartbeat",`, contentType: "application/x-ndjson" })),
    fc.constantFrom("", "null", "42", '"text"', "{}", '{"events": 3}', "[[]]", "[null]"),
  )
  .map((r) => (typeof r === "string" ? { body: r, contentType: "application/json" } : r));

/** Deep nesting: JSON arrays nested 9,000–20,000 levels (over the metadata limit), as the batch or inside metadata. */
const deepBody: fc.Arbitrary<RawRequest> = fc
  .tuple(fc.integer({ min: 9000, max: 20_000 }), fc.boolean(), validEvent)
  .map(([depth, inMetadata, e]) => {
    const nest = "[".repeat(depth) + "]".repeat(depth);
    const body = inMetadata ? JSON.stringify([{ ...e, metadata: { deep: 0 } }]).replace('"deep":0', `"deep":${nest}`) : nest;
    return { body, contentType: "application/json" };
  });

/** Valid JSON sent with a content type the endpoint does not take. */
const wrongContentType: fc.Arbitrary<RawRequest> = fc
  .tuple(
    validEvent,
    fc.constantFrom("text/html", "application/xml", "multipart/form-data; boundary=x", "image/png", "application/octet-stream"),
  )
  .map(([e, contentType]) => ({ body: JSON.stringify([e]), contentType }));

const badRequest = fc.oneof(
  { arbitrary: badBatch, weight: 6 },
  { arbitrary: malformedBody, weight: 2 },
  { arbitrary: deepBody, weight: 1 },
  { arbitrary: wrongContentType, weight: 1 },
);

function isJson(s: string): boolean {
  try {
    JSON.parse(s);
    return true;
  } catch {
    return false;
  }
}

async function send(r: RawRequest): Promise<number> {
  const res = await fetch(`${app.url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": r.contentType },
    body: r.body,
  });
  await res.arrayBuffer();
  return res.status;
}

/** Heap still in use after a full collection: what the process holds on to, not garbage it has yet to collect. */
function retainedHeap(): number {
  setFlagsFromString("--expose-gc");
  (runInNewContext("gc") as () => void)();
  return process.memoryUsage().heapUsed;
}

async function storedEvents(): Promise<number> {
  const { rows } = await app.pool.query<{ n: string }>(
    "SELECT count(*) AS n FROM events e JOIN swarms s ON s.id = e.swarm_id WHERE s.name = $1",
    [SWARM],
  );
  return Number(rows[0]!.n);
}

beforeAll(async () => {
  app = await startTestApp();
  key = await app.ingestKey(SWARM);
});
afterAll(() => app.close());

describe("ingest fuzzing (I1–I4)", () => {
  it(`${RUNS.toLocaleString("en-US")} generated bad requests: only 4xx, nothing stored, memory bounded`, async () => {
    const statuses = new Map<number, number>();
    const heapBefore = retainedHeap();
    await fc.assert(
      fc.asyncProperty(badRequest, async (r) => {
        const status = await send(r);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        expect([400, 413, 415], `status for ${r.contentType}: ${r.body.slice(0, 200)}`).toContain(status);
      }),
      { numRuns: RUNS },
    );
    expect(await storedEvents()).toBe(0);
    expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(RUNS);
    // Server and test client share this process: 10,000 requests (tens of MB of bodies) must not leave it holding on to
    // them. Peak RSS is not the measure: it depends on when V8 chooses to collect, which varies with machine load.
    expect(retainedHeap() - heapBefore).toBeLessThan(32 * 1024 * 1024);
    // The same server still takes a valid batch afterwards.
    const ok = await fetch(`${app.url}/api/v1/events`, {
      method: "POST",
      headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
      body: JSON.stringify([{ type: "heartbeat", agent_id: "a", timestamp: Date.now() }]),
    });
    expect(ok.status).toBe(202);
    expect(await storedEvents()).toBe(1);
  }, 600_000);
});
