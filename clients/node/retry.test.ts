import { describe, expect, it } from "vitest";
import { backoffDelay, MAX_RETRY_AFTER_MS, parseRetryAfter, retryPolicy, sleep, withRetries, type Attempt } from "./retry.js";

describe("backoffDelay (full jitter)", () => {
  const policy = { baseMs: 250, maxMs: 30_000 };

  it("draws uniformly below min(maxMs, baseMs * 2^retry)", () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(0);
    expect(backoffDelay(0, policy, () => 0.999)).toBe(249);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(1000);
    expect(backoffDelay(20, policy, () => 0.999)).toBe(29_970);
  });
});

describe("parseRetryAfter", () => {
  const now = Date.UTC(2026, 0, 1, 12);

  it.each<[string | null | undefined, number | undefined]>([
    ["3", 3000],
    ["0", 0],
    [" 12 ", 12_000],
    [new Date(now + 5000).toUTCString(), 5000],
    [new Date(now - 5000).toUTCString(), 0],
    ["99999", MAX_RETRY_AFTER_MS],
    ["soon", undefined],
    ["-1", undefined],
    ["", undefined],
    [null, undefined],
    [undefined, undefined],
  ])("%j → %j ms", (header, expected) => {
    expect(parseRetryAfter(header, now)).toBe(expected);
  });
});

describe("retryPolicy", () => {
  it("rejects nonsense bounds", () => {
    expect(() => retryPolicy({ baseMs: 0 })).toThrow(RangeError);
    expect(() => retryPolicy({ baseMs: 500, maxMs: 100 })).toThrow(RangeError);
    expect(() => retryPolicy({}, -1)).toThrow(RangeError);
    expect(retryPolicy()).toEqual({ baseMs: 250, maxMs: 30_000, maxRetries: 8 });
  });
});

describe("withRetries", () => {
  const fail = (retryable: boolean): Attempt<number> => ({ ok: false, retryable, error: new Error("x"), retryAfterMs: 0 });

  it("stops after maxRetries retries and returns the last outcome", async () => {
    let calls = 0;
    let retries = 0;
    const out = await withRetries(
      async () => (calls++, fail(true)),
      retryPolicy({ baseMs: 1 }, 3),
      new AbortController().signal,
      () => retries++,
    );
    expect(out.ok).toBe(false);
    expect([calls, retries]).toEqual([4, 3]);
  });

  it("does not retry a final failure, and stops retrying once aborted", async () => {
    let calls = 0;
    await withRetries(async () => (calls++, fail(false)), retryPolicy({ baseMs: 1 }), new AbortController().signal);
    expect(calls).toBe(1);
    const ac = new AbortController();
    calls = 0;
    await withRetries(async () => (calls++, ac.abort(), fail(true)), retryPolicy({ baseMs: 1 }), ac.signal);
    expect(calls).toBe(1);
  });

  it("sleep resolves early when aborted", async () => {
    const ac = new AbortController();
    const started = performance.now();
    const done = sleep(60_000, ac.signal);
    ac.abort();
    await done;
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
