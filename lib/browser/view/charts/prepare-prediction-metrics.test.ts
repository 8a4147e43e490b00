import { describe, expect, it } from "vitest";
import type { PredictionQuality } from "@/lib/contract/items/analytics";
import { ACCURACY_TARGET_PCT, prepareMetricRows } from "./prepare-prediction-metrics";

const q = (p: Partial<PredictionQuality>): PredictionQuality => ({
  total: 4,
  accuracy: null,
  precision: null,
  recall: null,
  false_positive_rate: null,
  median_lead_ms: null,
  ...p,
});

describe("prepareMetricRows", () => {
  it("the seed target is 70 %", () => {
    expect(ACCURACY_TARGET_PCT).toBe(70);
  });

  it("four bars in order, percent with one decimal, lower-is-better marked", () => {
    expect(
      prepareMetricRows(q({ accuracy: 0.75, precision: 2 / 3, recall: 1, false_positive_rate: 0.25 })).map((r) => [
        r.label,
        r.pct,
        r.display,
        r.higherIsBetter,
      ]),
    ).toEqual([
      ["Accuracy", 75, "75%", true],
      ["Precision", 66.7, "66.7%", true],
      ["Recall", 100, "100%", true],
      ["False positives", 25, "25%", false],
    ]);
  });

  it.each([
    [0.75, true],
    [0.7, true],
    [0.69, false],
    [null, null],
  ])("accuracy %s meets the target: %s", (accuracy, meets) => {
    expect(prepareMetricRows(q({ accuracy }))[0]!.meetsTarget).toBe(meets);
  });

  it("nothing settled yet: no bars (null), shown as —", () => {
    expect(prepareMetricRows(q({})).map((r) => [r.pct, r.display, r.meetsTarget])).toEqual(Array(4).fill([null, "—", null]));
  });
});
