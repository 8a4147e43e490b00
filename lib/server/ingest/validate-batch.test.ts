import { describe, expect, it } from "vitest";
import { MAX_TIMESTAMP_AGE_MS, MAX_TIMESTAMP_SKEW_MS } from "../../contract/events";
import { MAX_REPORTED_ERRORS, validateBatch } from "./validate-batch";

const NOW = Date.UTC(2026, 10, 22, 10);
const NOW_ISO = "2026-11-22T10:00:00Z";

const event = (fields: Record<string, unknown> = {}) => ({ type: "custom.event", timestamp: NOW, ...fields });

describe("validateBatch with valid events", () => {
  it("returns each event as sent plus normalised fields", () => {
    const sent = {
      id: "e1",
      type: "task_failed",
      timestamp: "2026-11-22T11:00:00.500+02:00",
      agent_id: "a1",
      task_id: "t1",
      extra: { kept: true },
    };
    const result = validateBatch([sent], NOW);
    expect(result).toEqual({
      ok: true,
      events: [{ raw: sent, id: "e1", type: "task_failed", ts: Date.UTC(2026, 10, 22, 9, 0, 0, 500), agentId: "a1", taskId: "t1" }],
    });
    expect(result.ok && result.events[0]?.raw).toBe(sent);
    expect(sent.timestamp).toBe("2026-11-22T11:00:00.500+02:00");
  });

  it.each<[string | number, number]>([
    [NOW_ISO, NOW],
    ["2026-11-22T12:00:00+02:00", NOW],
    [NOW - 1000, NOW - 1000],
  ])("normalises timestamp %j to ts", (timestamp, ts) => {
    const result = validateBatch([event({ timestamp })], NOW);
    expect(result.ok && result.events[0]?.ts).toBe(ts);
  });

  it.each([
    ["exactly 7 days old", NOW - MAX_TIMESTAMP_AGE_MS],
    ["exactly 5 minutes ahead", NOW + MAX_TIMESTAMP_SKEW_MS],
  ])("accepts a timestamp %s", (_label, timestamp) => {
    expect(validateBatch([event({ timestamp })], NOW).ok).toBe(true);
  });

  it("validates 5,000 valid events", () => {
    const items = Array.from({ length: 5000 }, (_, i) =>
      event({ id: `e${i}`, type: i % 2 ? "heartbeat" : "task_timeout", agent_id: "a1", task_id: `t${i}` }),
    );
    const result = validateBatch(items, NOW);
    expect(result.ok && result.events.length).toBe(5000);
    expect(result.ok && result.events[4999]?.id).toBe("e4999");
  });

  it("accepts an empty batch", () => {
    expect(validateBatch([], NOW)).toEqual({ ok: true, events: [] });
  });
});

describe("validateBatch with invalid events", () => {
  it.each([null, 5, "event", [], [event()], true, undefined])('rejects the non-object item %j at path ""', (item) => {
    expect(validateBatch([item], NOW)).toEqual({
      ok: false,
      errors: [{ index: 0, path: "", message: "event must be a JSON object" }],
    });
  });

  it.each([
    ["more than 7 days old", NOW - MAX_TIMESTAMP_AGE_MS - 1, "timestamp is more than 7 days in the past"],
    ["more than 5 minutes ahead", NOW + MAX_TIMESTAMP_SKEW_MS + 1, "timestamp is more than 5 minutes in the future"],
    ["an ISO string 8 days old", "2026-11-14T10:00:00Z", "timestamp is more than 7 days in the past"],
  ])("rejects a timestamp %s", (_label, timestamp, message) => {
    expect(validateBatch([event({ timestamp })], NOW)).toEqual({ ok: false, errors: [{ index: 0, path: "timestamp", message }] });
  });

  it("reports the batch index of each bad event and returns no events", () => {
    const result = validateBatch([event(), event({ duration_ms: -1 }), event(), event({ type: "Bad" })], NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors.map(({ index, path }) => ({ index, path }))).toEqual([
      { index: 1, path: "duration_ms" },
      { index: 3, path: "type" },
    ]);
  });

  it("reports every problem of one event, including the time window", () => {
    const item = event({ type: "queue_metric", timestamp: 0, duration_ms: -1, metadata: { queue_depth: 1 } });
    const result = validateBatch([item], NOW);
    expect(!result.ok && result.errors.map((error) => error.path).sort()).toEqual([
      "duration_ms",
      "metadata.high_priority_count",
      "timestamp",
    ]);
  });

  it("reports a malformed timestamp once, without a window error", () => {
    expect(validateBatch([event({ timestamp: "yesterday" })], NOW)).toMatchObject({
      ok: false,
      errors: [{ index: 0, path: "timestamp" }],
    });
  });

  it("caps the error list at MAX_REPORTED_ERRORS", () => {
    const result = validateBatch(
      Array.from({ length: 5000 }, () => null),
      NOW,
    );
    expect(!result.ok && result.errors.length).toBe(MAX_REPORTED_ERRORS);
    expect(!result.ok && result.errors.at(-1)?.index).toBe(MAX_REPORTED_ERRORS - 1);
  });

  it("caps the error list even when one event overflows it", () => {
    const threeProblems = event({ duration_ms: -1, tokens_used: -1, limit: -1 });
    const result = validateBatch(
      Array.from({ length: 50 }, () => threeProblems),
      NOW,
    );
    expect(!result.ok && result.errors.length).toBe(MAX_REPORTED_ERRORS);
    expect(!result.ok && result.errors.at(-1)).toEqual({ index: 33, path: "duration_ms", message: expect.any(String) });
  });

  it("rejects a batch with a single bad event among 5,000", () => {
    const items = Array.from({ length: 5000 }, (_, i) => event(i === 4321 ? { tokens_used: 1.5 } : {}));
    expect(validateBatch(items, NOW)).toMatchObject({ ok: false, errors: [{ index: 4321, path: "tokens_used" }] });
  });
});

describe("validateBatch with text Postgres cannot store", () => {
  it.each([
    [{ metadata: { note: "a\u0000b" } }, "metadata.note"],
    [{ agent_id: "agent-\ud800" }, "agent_id"],
    [{ custom: ["fine", "\udc00"] }, "custom.1"],
  ])("refuses %j at %s, with the rest of the batch", (fields, path) => {
    const result = validateBatch([event(), event(fields)], NOW);
    expect(result).toEqual({ ok: false, errors: [{ index: 1, path, message: expect.stringContaining("cannot be stored") }] });
  });
});
