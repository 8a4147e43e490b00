// Overall figures from raw records and from rollup rows: result selection, docs/decisions.md#d17 MTTR vs heal duration, ranges, breakdowns.
import { describe, expect, it } from "vitest";
import { healDuration, isResult, totalsOf, emptyAggregate } from "./aggregate";
import { overallStats, overallStatsFromRollups } from "./overall-stats";
import { MIN, T0, result } from "./test-records";
import type { HealingStatus } from "./types";

describe("result selection and heal duration", () => {
  it.each<[HealingStatus, boolean]>([
    ["succeeded", true],
    ["failed", true],
    ["pending", false],
    ["running", false],
    ["cancelled", false],
  ])("status %s counts as a result: %s", (status, counted) => {
    expect(isResult(result(T0, true, { status }))).toBe(counted);
  });

  it.each([
    [{ healMs: 250 }, 250],
    [{ healMs: null, startedAt: T0, finishedAt: T0 + 420 }, 420],
    [{ healMs: null, startedAt: T0, finishedAt: null }, 0],
  ])("heal duration of %o is %i ms", (extra, ms) => {
    expect(healDuration(result(T0, true, extra))).toBe(ms);
  });

  it("reports nothing measured as null, not zero", () => {
    expect(totalsOf(emptyAggregate())).toEqual({
      total: 0,
      succeeded: 0,
      failed: 0,
      success_rate: null,
      mttr_ms: null,
      avg_heal_ms: null,
      recoveries: 0,
      failures: 0,
    });
  });
});

describe("overallStats", () => {
  it("D17: MTTR is the mean detection→recovery time, heal duration the mean action time, over all results", () => {
    const records = [
      result(T0, true, { healMs: 150, recoveryMs: 2_000 }),
      result(T0 + 1, true, { healMs: 175, recoveryMs: 4_000 }),
      result(T0 + 2, false, { healMs: 500, recoveryMs: null }),
    ];
    const s = overallStats(records);
    expect(s).toMatchObject({ total: 3, succeeded: 2, failed: 1, recoveries: 2, mttr_ms: 3_000, avg_heal_ms: 275 });
    expect(s.success_rate).toBeCloseTo(2 / 3);
  });

  it("D17 / §13 #16: the range filters MTTR and heal duration too (the original ignored it for MTTR)", () => {
    const records = [result(T0, true, { recoveryMs: 9_000, healMs: 900 }), result(T0 + 10 * MIN, true, { recoveryMs: 1_000, healMs: 100 })];
    const s = overallStats(records, { from: T0 + 5 * MIN, to: T0 + 60 * MIN });
    expect(s).toMatchObject({ total: 1, mttr_ms: 1_000, avg_heal_ms: 100 });
  });

  it("range is half-open [from, to) on the finish time; pending healings are ignored", () => {
    const records = [
      result(T0),
      result(T0 + MIN),
      result(T0 + 2 * MIN, true, { status: "running", finishedAt: null, startedAt: T0 + MIN }),
    ];
    expect(overallStats(records, { from: T0, to: T0 + MIN }).total).toBe(1);
    expect(overallStats(records, { from: T0, to: T0 + MIN + 1 }).total).toBe(2);
  });

  it("§14 vector 5 adjusted (§13 #13, D17): by_failure_type keys on the real failure type", () => {
    const types = [
      "task_failed",
      "task_failed",
      "task_failed",
      "task_failed",
      "quorum_loss",
      "quorum_loss",
      "resource_exhaustion",
      "resource_exhaustion",
      "agent_down",
      "agent_down",
    ];
    const s = overallStats(
      types.map((failureType, i) =>
        result(T0 + i, true, { failureType, strategy: failureType === "agent_down" ? "agent_restart" : "other" }),
      ),
    );
    expect(s.by_failure_type).toEqual({ task_failed: 4, quorum_loss: 2, resource_exhaustion: 2, agent_down: 2 });
    expect(s.by_strategy).toEqual({ other: 8, agent_restart: 2 });
  });

  it("counts failures by detection time within the range", () => {
    const s = overallStats([], { from: T0, to: T0 + MIN }, [{ detectedAt: T0 - 1 }, { detectedAt: T0 }, { detectedAt: T0 + MIN - 1 }]);
    expect(s).toMatchObject({ failures: 2, total: 0, success_rate: null });
  });
});

describe("overallStatsFromRollups", () => {
  it("sums rows whose bucket starts in the range before dividing", () => {
    const row = (bucketStart: number, healings: number, healingsSucceeded: number, recoveryMsSum: number, recoveries: number) => ({
      bucketStart,
      healings,
      healingsSucceeded,
      healMsSum: healings * 100,
      recoveryMsSum,
      recoveries,
      failures: healings,
    });
    const rows = [row(T0 - MIN, 50, 0, 0, 0), row(T0, 4, 3, 3_000, 3), row(T0 + MIN, 6, 6, 27_000, 6)];
    expect(overallStatsFromRollups(rows, { from: T0, to: T0 + 2 * MIN })).toEqual({
      total: 10,
      succeeded: 9,
      failed: 1,
      success_rate: 0.9,
      mttr_ms: 30_000 / 9,
      avg_heal_ms: 100,
      recoveries: 9,
      failures: 10,
    });
  });
});
