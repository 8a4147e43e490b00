// bottleneckOnRise: an active bottleneck predicts when it appears and when its severity rises, not on every pass.
import { describe, expect, it } from "vitest";
import type { BottleneckInput } from "./inputs";
import { PredictiveHealing } from "./predictive-healing";
import { T0, counterIds } from "./test-fixtures";

const backlog = (severity: string, id?: string): BottleneckInput => ({
  ...(id ? { id } : {}),
  type: "task_queue_backlog",
  severity,
  impactScore: 0.5,
  affectedResources: ["task_queue"],
  metrics: {},
});

/** Severity per pass, 400 s apart (each prediction has settled by the next pass); "" = no active bottleneck. */
function created(onRise: boolean, passes: string[], id?: string): string[] {
  const ph = new PredictiveHealing({ newId: counterIds(), config: { bottleneckOnRise: onRise } });
  return passes.map((severity, i) => {
    const now = T0 + i * 400_000;
    ph.settleOutcomes(now);
    return ph
      .predict(now, { bottlenecks: severity ? [backlog(severity, id)] : [] })
      .map((p) => `${p.confidence}`)
      .join(",");
  });
}

describe("bottleneck predictions on rise", () => {
  it.each([
    [
      "reference: every pass once the previous one settled",
      false,
      ["medium", "medium", "high", "high"],
      undefined,
      ["0.75", "0.75", "0.85", "0.85"],
    ],
    ["on rise: a held bottleneck predicts once", true, ["medium", "medium", "medium"], undefined, ["0.75", "", ""]],
    [
      "on rise: again when it worsens, not when it eases",
      true,
      ["medium", "critical", "high", "critical"],
      undefined,
      ["0.75", "0.95", "", ""],
    ],
    ["on rise: a new episode after it resolved predicts again", true, ["medium", "", "medium"], undefined, ["0.75", "", "0.75"]],
    ["on rise: keyed by the detector's id when given", true, ["high", "high"], "b-1", ["0.85", ""]],
  ])("%s", (_name, onRise, passes, id, expected) => {
    expect(created(onRise, passes, id)).toEqual(expected);
  });
});
