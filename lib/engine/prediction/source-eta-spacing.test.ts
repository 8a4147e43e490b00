// ETAs follow the real spacing of the samples, not an assumed 10 s.
import { describe, expect, it } from "vitest";
import { queueCandidates } from "./source-queue";
import { trendCandidates } from "./source-trend";

describe("ETA from the real sample spacing", () => {
  it.each([
    ["samples 2 s apart", 2_000, 2_000 * ((200 - 40) / 15)],
    ["samples 10 s apart", 10_000, 10_000 * ((200 - 40) / 15)],
    ["spacing unknown: the configured one", null, 10_000 * ((200 - 40) / 15)],
  ])("queue climbing 10 → 25 → 40, %s", (_name, spacing, eta) => {
    const [c] = queueCandidates({ queueDepth: [10, 25, 40], highPriority: [0, 0, 0], spacingMs: { queueDepth: spacing } }, 10_000, 25);
    expect(c?.etaMs).toBe(Math.round(eta));
  });

  it.each([
    ["samples 1 s apart", 1_000, 1_000 * ((100 - 90) / 5)],
    ["samples 30 s apart", 30_000, 30_000 * ((100 - 90) / 5)],
  ])("memory 80 → 85 → 90, %s", (_name, spacing, eta) => {
    const [c] = trendCandidates(
      { tokenUsage: [], memoryUsage: [80, 85, 90], spacingMs: { tokenUsage: null, memoryUsage: spacing } },
      10_000,
    );
    expect(c?.etaMs).toBe(Math.round(eta));
  });
});
