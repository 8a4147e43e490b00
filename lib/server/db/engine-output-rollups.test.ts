// What stored engine output rows count in the rollups: healing results and prediction outcomes, the change between
// a row's old and new state, and agreement with the engine's own roll-up of raw records (docs/decisions.md#d27).
import { describe, expect, it } from "vitest";
import { rollupRecords, type AnalyticsHealingRecord as HealingRecord } from "@/lib/engine";
import { healingShare, outcomeShare, type HealingCounted, type RollupShare, shareChange } from "./engine-output-rollups";

const T = Date.UTC(2026, 11, 8, 10, 0);
const healing = (over: Partial<HealingCounted>): HealingCounted => ({
  status: "running",
  startedAt: T,
  finishedAt: null,
  healMs: null,
  recoveryMs: null,
  ...over,
});

describe("healingShare", () => {
  it.each<[string, HealingCounted | null, RollupShare | null]>([
    ["no row", null, null],
    ["running", healing({}), null],
    ["cancelled", healing({ status: "cancelled", finishedAt: T + 5 }), null],
    [
      "succeeded with recovery",
      healing({ status: "succeeded", finishedAt: T + 900, healMs: 400, recoveryMs: 2_000 }),
      { at: T + 900, delta: { healings: 1, healings_succeeded: 1, heal_ms_sum: 400, recoveries: 1, recovery_ms_sum: 2_000 } },
    ],
    [
      "failed without heal time: finish − start",
      healing({ status: "failed", finishedAt: T + 700 }),
      { at: T + 700, delta: { healings: 1, healings_succeeded: 0, heal_ms_sum: 700, recoveries: 0, recovery_ms_sum: 0 } },
    ],
    [
      "finished row without a finish time: counted at its start",
      healing({ status: "failed" }),
      { at: T, delta: { healings: 1, healings_succeeded: 0, heal_ms_sum: 0, recoveries: 0, recovery_ms_sum: 0 } },
    ],
  ])("%s", (_name, row, share) => expect(healingShare(row)).toEqual(share));

  it("sums per bucket to what the engine's rollupRecords makes of the same healings", () => {
    const records: HealingRecord[] = [
      {
        id: "1",
        failureType: "agent_down",
        strategy: "s",
        trigger: "detected",
        status: "succeeded",
        startedAt: T,
        finishedAt: T + 61_000,
        healMs: 300,
        recoveryMs: 5_000,
      },
      {
        id: "2",
        failureType: "agent_down",
        strategy: "s",
        trigger: "detected",
        status: "failed",
        startedAt: T + 1_000,
        finishedAt: T + 2_000,
      },
      { id: "3", failureType: "agent_down", strategy: "s", trigger: "detected", status: "running", startedAt: T + 3_000 },
      {
        id: "4",
        failureType: "agent_down",
        strategy: "s",
        trigger: "manual",
        status: "cancelled",
        startedAt: T + 4_000,
        finishedAt: T + 5_000,
      },
    ];
    const buckets = new Map<number, Record<string, number>>();
    for (const r of records) {
      const s = healingShare({
        status: r.status,
        startedAt: r.startedAt,
        finishedAt: r.finishedAt ?? null,
        healMs: r.healMs ?? null,
        recoveryMs: r.recoveryMs ?? null,
      });
      if (!s) continue;
      const b = buckets.get(Math.floor(s.at / 60_000) * 60_000) ?? {};
      for (const [m, v] of Object.entries(s.delta)) b[m] = (b[m] ?? 0) + v;
      buckets.set(Math.floor(s.at / 60_000) * 60_000, b);
    }
    expect(
      [...buckets]
        .sort(([a], [b]) => a - b)
        .map(([bucketStart, b]) => ({
          bucketStart,
          healings: b.healings,
          healingsSucceeded: b.healings_succeeded,
          healMsSum: b.heal_ms_sum,
          recoveryMsSum: b.recovery_ms_sum,
          recoveries: b.recoveries,
          failures: 0,
        })),
    ).toEqual(rollupRecords(records, [], "minute"));
  });
});

describe("outcomeShare", () => {
  it.each<[string | null, RollupShare | null]>([
    [null, null],
    ["rejected", null],
    ["confirmed", { at: T, delta: { predictions_confirmed: 1 } }],
    ["prevented", { at: T, delta: { predictions_prevented: 1 } }],
    ["false_positive", { at: T, delta: { predictions_false: 1 } }],
  ])("outcome %s", (outcome, share) => expect(outcomeShare({ outcome, predictedAt: T })).toEqual(share));
});

describe("shareChange", () => {
  const done = healingShare(healing({ status: "succeeded", finishedAt: T + 10, healMs: 10 }));
  it.each<[string, RollupShare | null, RollupShare | null, RollupShare[]]>([
    ["nothing counted before or after", null, null, []],
    ["newly counted", null, done, [done!]],
    ["counted the same again (a re-emitted or replayed output)", done, { ...done!, at: T + 20 }, []],
    [
      "no longer counted",
      done,
      null,
      [{ at: T + 10, delta: { healings: -1, healings_succeeded: -1, heal_ms_sum: -10, recoveries: 0, recovery_ms_sum: 0 } }],
    ],
    [
      "moved to another outcome",
      outcomeShare({ outcome: "confirmed", predictedAt: T }),
      outcomeShare({ outcome: "prevented", predictedAt: T }),
      [
        { at: T, delta: { predictions_confirmed: -1 } },
        { at: T, delta: { predictions_prevented: 1 } },
      ],
    ],
  ])("%s", (_name, before, after, change) => expect(shareChange(before, after)).toEqual(change));
});
