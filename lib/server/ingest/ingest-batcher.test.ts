// When the group commit starts another flush: at once when none runs, beside a running one only when enough rows
// wait for a large flush, never beyond the in-flight limit.
import { describe, expect, it } from "vitest";
import { mayStartFlush, PARALLEL_FLUSH_MIN_ROWS } from "./ingest-batcher";

describe("mayStartFlush", () => {
  it.each([
    { inFlight: 0, max: 2, queued: 1, may: true, why: "idle: a single event flushes at once" },
    { inFlight: 0, max: 1, queued: 5_000, may: true, why: "idle, whatever is queued" },
    { inFlight: 1, max: 2, queued: 1, may: false, why: "a small flush waits for the running one and coalesces" },
    { inFlight: 1, max: 2, queued: PARALLEL_FLUSH_MIN_ROWS - 1, may: false, why: "just below a large flush" },
    { inFlight: 1, max: 2, queued: PARALLEL_FLUSH_MIN_ROWS, may: true, why: "a large flush pipelines beside the running one" },
    { inFlight: 2, max: 2, queued: 5_000, may: false, why: "never beyond the in-flight limit" },
    { inFlight: 1, max: 1, queued: 5_000, may: false, why: "a limit of one serialises flushes" },
  ])("$why", ({ inFlight, max, queued, may }) => {
    expect(mayStartFlush(inFlight, max, queued)).toBe(may);
  });
});
