// Severity arithmetic and the docs/decisions.md#d5 table: boundaries, band-consistent impact scores, the queue raise rule.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { depthIn, impactOf, raiseSeverity, severityOfImpact, worstGrade } from "./severity";
import { gradeConsensus, gradeQueue, gradeQuotaUsage, gradeSlowAgent, gradeTokenUsage } from "./severity-table";
import { SEVERITIES } from "./types";

describe("reference §4.3 impact bands", () => {
  it.each([
    [0, "low"],
    [0.399, "low"],
    [0.4, "medium"],
    [0.6, "high"],
    [0.8, "critical"],
    [1, "critical"],
  ])("impact %f → %s", (impact, severity) => expect(severityOfImpact(impact)).toBe(severity));

  it("raises one level and saturates at critical", () => {
    expect(SEVERITIES.map(raiseSeverity)).toEqual(["medium", "high", "critical", "critical"]);
  });

  it("clamps depth and keeps impacts of non-critical grades below the next band", () => {
    expect(depthIn(5, 0, 1)).toBe(1);
    expect(depthIn(Number.NaN, 0, 1)).toBe(0);
    expect(impactOf({ severity: "high", depth: 1 })).toBe(0.799);
    expect(impactOf({ severity: "critical", depth: 1 })).toBe(1);
    expect(impactOf({ severity: "medium", depth: 0.5 })).toBe(0.5);
  });

  it("picks the most severe grade, then the deepest", () => {
    expect(worstGrade([null, { severity: "medium", depth: 0.9 }, { severity: "high", depth: 0.1 }])).toEqual({
      severity: "high",
      depth: 0.1,
    });
    expect(
      worstGrade([
        { severity: "medium", depth: 0.2 },
        { severity: "medium", depth: 0.7 },
      ]),
    ).toEqual({ severity: "medium", depth: 0.7 });
    expect(worstGrade([null])).toBeNull();
  });

  it("property: every grade's impact lies in [0, 1] and maps back to the grade's severity", () => {
    const grade = fc.record({ severity: fc.constantFrom(...SEVERITIES), depth: fc.double({ noNaN: false }) });
    fc.assert(
      fc.property(grade, (g) => {
        const impact = impactOf(g);
        return impact >= 0 && impact <= 1 && severityOfImpact(impact) === g.severity;
      }),
    );
  });
});

describe("D5 severity table", () => {
  it.each([
    [0.79, null],
    [0.8, "medium"],
    [0.849, "medium"],
    [0.85, "high"],
    [0.9, "critical"],
    [1.2, "critical"],
  ])("D5 token_exhaustion: ratio %f → %s (not always critical)", (ratio, severity) =>
    expect(gradeTokenUsage(ratio)?.severity ?? null).toBe(severity),
  );

  it.each([
    [0.89, null],
    [0.9, "high"],
    [0.99, "high"],
    [1, "critical"],
  ])("D5 quota_exceeded: ratio %f → %s", (ratio, severity) => expect(gradeQuotaUsage(ratio)?.severity ?? null).toBe(severity));

  it.each([
    [2, 0.7, null],
    [2.01, 0.7, "medium"],
    [3, 1, "medium"],
    [3.01, 1, "high"],
    [1, 0.69, "medium"],
    [1, 0.5, "medium"],
    [1, 0.49, "high"],
    [null, 0.9, null],
    [2.5, 0.4, "high"],
  ])("D5 slow_agent: duration ratio %s, success %f → %s", (ratio, success, severity) =>
    expect(gradeSlowAgent(ratio, success)?.severity ?? null).toBe(severity),
  );

  it.each([
    [50, 0, null],
    [51, 0, "medium"],
    [100, 9, "medium"],
    [101, 0, "high"],
    [200, 0, "high"],
    [201, 0, "critical"],
    [60, 10, "high"],
    [150, 10, "critical"],
    [250, 50, "critical"],
    [40, 30, null],
  ])("D5 task_queue_backlog: %i pending, %i CRITICAL+HIGH → %s", (pending, hp, severity) =>
    expect(gradeQueue(pending, hp)?.severity ?? null).toBe(severity),
  );

  it.each([
    [0.1, 1000, null],
    [0.11, 1000, "medium"],
    [0.2, 1000, "medium"],
    [0.21, 1000, "high"],
    [0.4, 1000, "high"],
    [0.41, 1000, "critical"],
    [0, 10_000, null],
    [0, 10_001, "medium"],
    [0.3, 20_000, "high"],
  ])("D6 consensus_timeout: timeout rate %f, mean round %i ms → %s", (rate, mean, severity) =>
    expect(gradeConsensus(rate, mean)?.severity ?? null).toBe(severity),
  );

  it("D5: ≥ 10 CRITICAL+HIGH raise the level but keep the base depth", () => {
    expect(gradeQueue(60, 10)).toEqual({ severity: "high", depth: expect.closeTo(0.2, 9) });
    expect(impactOf(gradeQueue(60, 10) ?? { severity: "low", depth: 0 })).toBe(0.64);
  });
});
