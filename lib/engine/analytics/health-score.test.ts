// Health score (D26): the seed's weights, the 0.5 default for no strategies, a configurable MTTR target, bounds.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DEFAULT_TARGET_MTTR_MS, healthScore, type HealthScoreInput } from "./health-score";

describe("healthScore (D26)", () => {
  it.each<[string, HealthScoreInput, [number, number, number, number]]>([
    ["seed weights: 50×0.9 + 30×(1 − 250/500) + 20×mean(0.8, 1.0)", { successRate: 0.9, mttrMs: 250, strategyRates: [0.8, 1] }, [78, 45, 15, 18]],
    ["no strategies → 0.5 of the strategy term", { successRate: 1, mttrMs: 0, strategyRates: [] }, [90, 50, 30, 10]],
    ["MTTR at or above the target earns nothing", { successRate: 1, mttrMs: 600, strategyRates: [1] }, [70, 50, 0, 20]],
    ["configurable target: 1 − 1000/2000", { successRate: 0, mttrMs: 1_000, strategyRates: [0], targetMttrMs: 2_000 }, [15, 0, 15, 0]],
    ["rounded to 0.1", { successRate: 1 / 3, mttrMs: 500, strategyRates: [0] }, [16.7, 16.7, 0, 0]],
    ["nothing measured: every term takes 0.5", { successRate: null, mttrMs: null, strategyRates: [] }, [50, 25, 15, 10]],
    ["out-of-range inputs are clamped, so the cap at 100 holds", { successRate: 1.5, mttrMs: -100, strategyRates: [3] }, [100, 50, 30, 20]],
  ])("%s", (_, input, [score, success, mttr, strategy]) => {
    expect(healthScore(input)).toEqual({ score, success_points: success, mttr_points: mttr, strategy_points: strategy, target_mttr_ms: input.targetMttrMs ?? DEFAULT_TARGET_MTTR_MS });
  });

  it("shows the target in force (default 500 ms, as in the seed)", () => {
    expect(healthScore({ successRate: 1, mttrMs: 0, strategyRates: [] }).target_mttr_ms).toBe(500);
  });

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY])("rejects a target MTTR of %f", (targetMttrMs) => {
    expect(() => healthScore({ successRate: 1, mttrMs: 0, strategyRates: [], targetMttrMs })).toThrow(RangeError);
  });

  it("property: score and terms stay in their bands and the terms add up to the score", () => {
    const anyNum = fc.oneof(fc.double(), fc.constant(null));
    fc.assert(
      fc.property(anyNum, anyNum, fc.array(fc.double()), fc.double({ min: 1, max: 1e7, noNaN: true }), (successRate, mttrMs, strategyRates, targetMttrMs) => {
        const h = healthScore({ successRate, mttrMs, strategyRates, targetMttrMs });
        expect(h.score).toBeGreaterThanOrEqual(0);
        expect(h.score).toBeLessThanOrEqual(100);
        expect(h.success_points).toBeLessThanOrEqual(50);
        expect(h.mttr_points).toBeLessThanOrEqual(30);
        expect(h.strategy_points).toBeLessThanOrEqual(20);
        expect(Math.min(h.success_points, h.mttr_points, h.strategy_points)).toBeGreaterThanOrEqual(0);
        expect(Math.abs(h.success_points + h.mttr_points + h.strategy_points - h.score)).toBeLessThanOrEqual(0.15 + 1e-9);
      }),
    );
  });
});
