// docs/decisions.md#d27 property: rolling raw records up into buckets and computing from the buckets gives the same figures as raw.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BUCKET_MS, mttrSeries, rollupRecords, type BucketSize } from "./mttr-series";
import { overallStats, overallStatsFromRollups } from "./overall-stats";
import { T0 } from "./test-records";
import type { FailureRecord, HealingRecord } from "./types";

const SPAN = 3 * BUCKET_MS.day;
const ms = fc.option(fc.integer({ min: 0, max: 600_000 }), { nil: null });

const healing: fc.Arbitrary<HealingRecord> = fc
  .record({
    id: fc.uuid(),
    failureType: fc.constantFrom("agent_down", "task_failed", "task_timeout"),
    strategy: fc.constantFrom("agent_restart", "task_retry"),
    status: fc.constantFrom("pending", "running", "succeeded", "failed", "cancelled"),
    trigger: fc.constantFrom("detected", "preventive", "manual"),
    healMs: ms,
    recoveryMs: ms,
    startedAt: fc.integer({ min: T0, max: T0 + SPAN }),
    finishedAfter: fc.option(fc.integer({ min: 0, max: 3_600_000 }), { nil: null }),
  })
  .map(({ finishedAfter, ...r }) => ({ ...r, finishedAt: finishedAfter == null ? null : r.startedAt + finishedAfter }));
const failure: fc.Arbitrary<FailureRecord> = fc.integer({ min: T0, max: T0 + SPAN }).map((detectedAt) => ({ detectedAt }));
const size = fc.constantFrom<BucketSize>("minute", "hour", "day");

/** An aligned [from, to) of whole `bucket`s inside the generated span. */
const alignedRange = (bucket: BucketSize) =>
  fc.tuple(fc.nat({ max: SPAN / BUCKET_MS[bucket] + 2 }), fc.nat({ max: SPAN / BUCKET_MS[bucket] + 2 })).map(([a, b]) => ({
    from: T0 + Math.min(a, b) * BUCKET_MS[bucket],
    to: T0 + Math.max(a, b) * BUCKET_MS[bucket],
  }));

describe("rollup vs raw equivalence (D27)", () => {
  it("overall figures: from rollup rows = from raw records, for any bucket size and aligned range", () => {
    fc.assert(
      fc.property(
        fc.array(healing, { maxLength: 120 }),
        fc.array(failure, { maxLength: 60 }),
        size.chain((b) => fc.tuple(fc.constant(b), alignedRange(b))),
        (records, failures, [bucket, range]) => {
          const rows = rollupRecords(records, failures, bucket);
          expect(overallStatsFromRollups(rows, range)).toEqual(totalsOnly(overallStats(records, range, failures)));
          expect(overallStatsFromRollups(rows)).toEqual(totalsOnly(overallStats(records, undefined, failures)));
        },
      ),
    );
  });

  it("MTTR series: each point equals the raw figures of its bucket, whether fed minute or hour rows", () => {
    fc.assert(
      fc.property(
        fc.array(healing, { maxLength: 120 }),
        fc.array(failure, { maxLength: 60 }),
        alignedRange("hour"),
        (records, failures, range) => {
          const q = { ...range, bucket: "hour" as const };
          const fromMinutes = mttrSeries(rollupRecords(records, failures, "minute"), q);
          expect(mttrSeries(rollupRecords(records, failures, "hour"), q)).toEqual(fromMinutes);
          for (const p of fromMinutes) {
            const raw = overallStats(records, { from: p.bucket_start, to: p.bucket_start + BUCKET_MS.hour }, failures);
            expect(p).toEqual({
              bucket_start: p.bucket_start,
              mttr_ms: raw.mttr_ms,
              avg_heal_ms: raw.avg_heal_ms,
              healings: raw.total,
              failures: raw.failures,
              success_rate: raw.success_rate,
            });
          }
        },
      ),
    );
  });
});

/** The figures rollups can answer (raw adds per-strategy and per-type counts). */
function totalsOnly({ by_strategy: _s, by_failure_type: _t, ...totals }: ReturnType<typeof overallStats>) {
  return totals;
}
