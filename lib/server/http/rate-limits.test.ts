// The limiters: within the window requests pass; over it a 429 ApiError with a Retry-After of at least 1 s.
import { describe, expect, it } from "vitest";
import { ApiError } from "./errors";
import { RateLimits } from "./rate-limits";

const limits = () => new RateLimits({ ingestEventsPerS: 100, ingestBytesPerS: 10_000, decisionsPerMin: 3 });

async function rejection(p: Promise<void>): Promise<ApiError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(ApiError);
  return err as ApiError;
}

describe("RateLimits", () => {
  it.each([
    { name: "events over the per-second budget", first: [60, 100], second: [50, 100] },
    { name: "bytes over the per-second budget", first: [1, 6000], second: [1, 5000] },
  ])("refuses $name with 429 and Retry-After", async ({ first, second }) => {
    const l = limits();
    await l.ingest(1, first[0]!, first[1]!);
    const err = await rejection(l.ingest(1, second[0]!, second[1]!));
    expect([err.status, err.code]).toEqual([429, "ingest_rate_limited"]);
    expect(err.extra.retryAfterS).toBeGreaterThanOrEqual(1);
  });

  it("counts each ingest key on its own", async () => {
    const l = limits();
    await l.ingest(1, 100, 10);
    await expect(l.ingest(2, 100, 10)).resolves.toBeUndefined();
    expect((await rejection(l.ingest(1, 1, 10))).status).toBe(429);
  });

  it("allows the configured decisions per minute per actor, then 429", async () => {
    const l = limits();
    for (let i = 0; i < 3; i++) await l.decision("user-a");
    await expect(l.decision("user-b")).resolves.toBeUndefined();
    const err = await rejection(l.decision("user-a"));
    expect([err.status, err.code]).toEqual([429, "decision_rate_limited"]);
    expect(err.extra.retryAfterS).toBeGreaterThan(1);
  });
});
