// Per-swarm HealingAnalytics: upserts, bounded memory (docs/decisions.md#d3), coverage for the rollup switch (docs/decisions.md#d27), determinism, report.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { HealingAnalytics } from "./healing-analytics";
import { healingTimeline } from "./healing-report";
import { MIN, T0, result, series } from "./test-records";
import type { HealingRecord } from "./types";

const HOUR_MS = 60 * MIN;

const fed = (records: readonly HealingRecord[], opts: { capacity?: number; targetMttrMs?: number } = {}) => {
  const a = new HealingAnalytics({ since: T0, ...opts });
  for (const r of records) a.recordHealing(r);
  return a;
};

describe("HealingAnalytics", () => {
  it("keeps the newest version of a healing (pending → succeeded counts once)", () => {
    const done = result(T0 + MIN);
    const a = fed([{ ...done, status: "pending", finishedAt: null }, done]);
    expect(a.records()).toHaveLength(1);
    expect(a.stats()).toMatchObject({ total: 1, succeeded: 1 });
  });

  it("§14 vector 6 adjusted per D24 and D26 (golden report): improving/monitor, 30 per hour, health 78 without task results", () => {
    const report = fed(series(30, (i) => i >= 15)).report(T0 + HOUR_MS);
    expect(report.overall_stats).toMatchObject({ total: 30, success_rate: 0.5, mttr_ms: 1_000, avg_heal_ms: 100 });
    expect(report.strategy_effectiveness.map((s) => [s.strategy, s.trend, s.recommendation])).toEqual([
      ["agent_restart", "improving", "monitor"],
    ]);
    expect(report.failure_patterns.failure_frequency).toBe(30);
    // No task results: the success term is left out; 30 × (1 − 1/30) and 20 × 0.5 are rescaled from 50 to 100.
    expect(report.health).toEqual({ score: 78, success_points: null, mttr_points: 58, strategy_points: 20, target_mttr_ms: 30_000 });
    expect(report.recent_timeline).toHaveLength(20);
    expect(report.recent_timeline[0]).toMatchObject({ finished_at: T0 + 29 * MIN, success: true });
    expect(report.generated_at).toBe(T0 + HOUR_MS);
  });

  it("uses its configured MTTR target for the health score (D26)", () => {
    const a = fed(
      series(4, () => true),
      { targetMttrMs: 2_000 },
    );
    a.taskSuccessRate = () => 1;
    expect(a.health()).toEqual({ score: 85, success_points: 50, mttr_points: 15, strategy_points: 20, target_mttr_ms: 2_000 });
  });

  it("takes the health score's success term from the swarm's task success rate, in the score and the report (D26)", () => {
    const a = fed(series(30, (i) => i >= 15));
    a.taskSuccessRate = () => 0.9;
    expect(a.health()).toEqual({ score: 84, success_points: 45, mttr_points: 29, strategy_points: 10, target_mttr_ms: 30_000 });
    expect(a.report(T0 + HOUR_MS).health).toEqual(a.health());
  });

  it("has no health score before anything is measured (D26)", () => {
    expect(fed([]).health()).toMatchObject({ score: null, success_points: null, mttr_points: null, strategy_points: null });
  });

  it("D27: covers a range only from `since` on and after everything it evicted", () => {
    const a = fed(
      series(5, () => true),
      { capacity: 3 },
    );
    expect(a.records()).toHaveLength(3);
    expect(a.covers({ from: T0 - 1, to: T0 + HOUR_MS })).toBe(false);
    expect(a.covers({ from: T0 + MIN, to: T0 + HOUR_MS })).toBe(false);
    expect(a.covers({ from: T0 + MIN + 1, to: T0 + HOUR_MS })).toBe(true);
    a.recordFailure({ detectedAt: T0 + 10 * MIN });
    for (let i = 0; i < 3; i++) a.recordFailure({ detectedAt: T0 + 11 * MIN });
    expect(a.covers({ from: T0 + 10 * MIN, to: T0 + HOUR_MS })).toBe(false);
    expect(a.covers({ from: T0 + 10 * MIN + 1, to: T0 + HOUR_MS })).toBe(true);
  });

  it("serves the MTTR series from memory with failures counted", () => {
    const a = fed(series(3, () => true));
    a.recordFailure({ detectedAt: T0 + 1 });
    expect(a.series({ from: T0, to: T0 + 2 * MIN, bucket: "minute" })).toEqual([
      { bucket_start: T0, mttr_ms: 1_000, avg_heal_ms: 100, healings: 1, failures: 1, success_rate: 1 },
      { bucket_start: T0 + MIN, mttr_ms: 1_000, avg_heal_ms: 100, healings: 1, failures: 0, success_rate: 1 },
    ]);
  });

  it("timeline lists the newest results first and honours the limit", () => {
    const records = series(5, (i) => i % 2 === 0);
    expect(healingTimeline(records, 2).map((e) => e.finished_at)).toEqual([T0 + 4 * MIN, T0 + 3 * MIN]);
    expect(healingTimeline(records, 0)).toEqual([]);
  });
});

const stream = fc.array(
  fc.record({
    at: fc.integer({ min: 0, max: 7 * 24 * HOUR_MS }),
    ok: fc.boolean(),
    strategy: fc.constantFrom("agent_restart", "task_retry", "quorum_recovery"),
    failureType: fc.constantFrom("agent_down", "task_timeout", "resource_exhaustion"),
    reuse: fc.nat({ max: 400 }),
  }),
  { maxLength: 600 },
);

describe("HealingAnalytics properties", () => {
  it("D3: memory stays within capacity under long random streams (upserts included)", () => {
    fc.assert(
      fc.property(stream, fc.integer({ min: 1, max: 50 }), (items, capacity) => {
        const a = new HealingAnalytics({ since: T0, capacity });
        for (const item of items) {
          a.recordHealing(result(T0 + item.at, item.ok, { id: `h-${item.reuse}`, strategy: item.strategy, failureType: item.failureType }));
          a.recordFailure({ detectedAt: T0 + item.at });
        }
        expect(a.records().length).toBeLessThanOrEqual(capacity);
        expect(a.stats().failures).toBeLessThanOrEqual(capacity);
      }),
    );
  });

  it("determinism: the same stream gives identical reports; health stays in [0, 100] and exists once a healing finished", () => {
    fc.assert(
      fc.property(stream, (items) => {
        const records = items.map((item, i) =>
          result(T0 + item.at, item.ok, { id: `h-${i}`, strategy: item.strategy, failureType: item.failureType }),
        );
        const one = fed(records, { capacity: 200 }).report(T0 + 8 * 24 * HOUR_MS);
        const two = fed(records, { capacity: 200 }).report(T0 + 8 * 24 * HOUR_MS);
        expect(JSON.stringify(two)).toBe(JSON.stringify(one));
        if (records.length === 0) expect(one.health.score).toBeNull();
        else {
          expect(one.health.score).toBeGreaterThanOrEqual(0);
          expect(one.health.score).toBeLessThanOrEqual(100);
        }
      }),
    );
  });
});
