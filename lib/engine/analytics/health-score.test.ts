// Health score (docs/decisions.md#d26 revised): the seed's weights, terms without data left out and the rest rescaled, no score
// without data, the 30 s default MTTR target (configurable), a fault-free swarm ≥ 90, bounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TARGET_MTTR_MS, healthScore, type HealthScoreInput } from "./health-score";

type Expected = [score: number | null, success: number | null, mttr: number | null, strategy: number | null];

describe("healthScore (D26)", () => {
  it.each<[string, HealthScoreInput, Expected]>([
    [
      "all terms: 50×0.9 + 30×(1 − 7.5/30) + 20×mean(0.8, 1.0)",
      { successRate: 0.9, mttrMs: 7_500, strategyRates: [0.8, 1] },
      [85.5, 45, 22.5, 18],
    ],
    ["nothing measured: no score", { successRate: null, mttrMs: null, strategyRates: [] }, [null, null, null, null]],
    [
      "fault-free, no healing needed: only the success term, rescaled to 100",
      { successRate: 1, mttrMs: null, strategyRates: [] },
      [100, 100, null, null],
    ],
    ["success only, rescaled: 0.8 × 100", { successRate: 0.8, mttrMs: null, strategyRates: [] }, [80, 80, null, null]],
    [
      "no MTTR (no recovery yet): success and strategies share 100 as 50:20",
      { successRate: 1, mttrMs: null, strategyRates: [0.5] },
      [85.7, 71.4, null, 14.3],
    ],
    [
      "no tasks finished: MTTR and strategies share 100 as 30:20",
      { successRate: null, mttrMs: 15_000, strategyRates: [1] },
      [70, null, 30, 40],
    ],
    ["MTTR at or above the target earns nothing", { successRate: 1, mttrMs: 45_000, strategyRates: [1] }, [70, 50, 0, 20]],
    ["configurable target: 1 − 1000/2000", { successRate: 0, mttrMs: 1_000, strategyRates: [0], targetMttrMs: 2_000 }, [15, 0, 15, 0]],
    ["rounded to 0.1", { successRate: 1 / 3, mttrMs: 30_000, strategyRates: [0] }, [16.7, 16.7, 0, 0]],
    [
      "non-finite inputs count as nothing measured",
      { successRate: Number.NaN, mttrMs: Number.POSITIVE_INFINITY, strategyRates: [Number.NaN] },
      [null, null, null, null],
    ],
    ["out-of-range inputs are clamped, so the cap at 100 holds", { successRate: 1.5, mttrMs: -100, strategyRates: [3] }, [100, 50, 30, 20]],
  ])("%s", (_, input, [score, success, mttr, strategy]) => {
    expect(healthScore(input)).toEqual({
      score,
      success_points: success,
      mttr_points: mttr,
      strategy_points: strategy,
      target_mttr_ms: input.targetMttrMs ?? DEFAULT_TARGET_MTTR_MS,
    });
  });

  it("shows the target in force: 30 s by default, the configured one otherwise", () => {
    expect(healthScore({ successRate: 1, mttrMs: 0, strategyRates: [] }).target_mttr_ms).toBe(30_000);
    expect(healthScore({ successRate: 1, mttrMs: 0, strategyRates: [], targetMttrMs: 5_000 }).target_mttr_ms).toBe(5_000);
  });

  it("the target in force decides the MTTR term: 10 s earns 20 of 30 against 30 s, nothing against 5 s", () => {
    const at = (targetMttrMs?: number) => healthScore({ successRate: 1, mttrMs: 10_000, strategyRates: [1], targetMttrMs });
    expect(at()).toMatchObject({ score: 90, mttr_points: 20 });
    expect(at(5_000)).toMatchObject({ score: 70, mttr_points: 0 });
  });

  it.each<[string, HealthScoreInput]>([
    ["tasks succeed, no healing ever needed", { successRate: 1, mttrMs: null, strategyRates: [] }],
    ["a rare task failure, no healing", { successRate: 0.99, mttrMs: null, strategyRates: [] }],
    ["every healing succeeds within a third of the target", { successRate: 0.98, mttrMs: 8_000, strategyRates: [1, 1] }],
    ["healings succeed, no task finished yet", { successRate: null, mttrMs: 3_000, strategyRates: [1] }],
  ])("fault-free swarm scores ≥ 90: %s", (_, input) => {
    expect(healthScore(input).score).toBeGreaterThanOrEqual(90);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])("rejects a target MTTR of %f", (targetMttrMs) => {
    expect(() => healthScore({ successRate: 1, mttrMs: 0, strategyRates: [], targetMttrMs })).toThrow(RangeError);
  });

  it("property: score within 0..100, each term within its rescaled maximum, terms add up to the score, null exactly without data", () => {
    const anyNum = fc.oneof(fc.double(), fc.constant(null));
    fc.assert(
      fc.property(
        anyNum,
        anyNum,
        fc.array(fc.double()),
        fc.double({ min: 1, max: 1e7, noNaN: true }),
        (successRate, mttrMs, strategyRates, targetMttrMs) => {
          const h = healthScore({ successRate, mttrMs, strategyRates, targetMttrMs });
          const terms = [h.success_points, h.mttr_points, h.strategy_points];
          const measured = terms.filter((t): t is number => t !== null);
          if (measured.length === 0) {
            expect(h.score).toBeNull();
            return;
          }
          expect(h.score).toBeGreaterThanOrEqual(0);
          expect(h.score).toBeLessThanOrEqual(100);
          for (const t of measured) expect(t).toBeGreaterThanOrEqual(0);
          expect(Math.abs(measured.reduce((a, b) => a + b, 0) - h.score!)).toBeLessThanOrEqual(0.2 + 1e-9);
        },
      ),
    );
  });
});
