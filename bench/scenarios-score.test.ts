// Table-driven tests of the scenario scoring: late predictions are not hits, approvals must produce a healing, and
// precursor and sudden faults are scored in their own tables.
import { describe, expect, it } from "vitest";
import type { Approval, Detection, OpenPrediction, PreventiveEvent, RunRecord } from "./scenarios-run";
import { approvalOutcomes, precursorTotals, type RunScore, scoreRun, suddenTotals } from "./scenarios-score";

const T = Date.UTC(2026, 0, 1);
const s = (x: number) => T + x * 1000;
const prediction = (id: string, atS: number, failureType = "agent_down", agentId: string | null = "agent-05"): OpenPrediction => ({
  id,
  at: s(atS),
  failureType,
  agentId,
  source: "health",
  confidence: 0.9,
  reasoning: "",
});
const detection = (atS: number, type = "agent_down", source: string | null = null): Detection => ({
  at: s(atS),
  kind: "failure",
  id: `f-${atS}`,
  type,
  agentId: "agent-05",
  source,
});
const run = (scenario: RunRecord["scenario"], o: Partial<RunRecord>): RunRecord => ({
  scenario,
  seed: 1,
  startMs: T,
  injectAt: s(100),
  endAt: s(400),
  fault: { id: "x", scenario, targets: ["agent-05"], startedAt: s(100), endsAt: s(300) },
  predictions: [],
  observed: 0,
  detections: [],
  healings: [],
  approvals: [],
  preventiveEvents: [],
  closedBeforeDecision: 0,
  clearedAt: null,
  commands: { succeeded: 0, failed: 0 },
  invalid: 0,
  queueAtEnd: { pending: 0, paused: [] },
  ...o,
});

describe("scoreRun: a prediction at or after the first detection is late, not a hit", () => {
  it.each([
    ["before the detection", [prediction("p", 110)], { matched: 1, late: 0, predictedAhead: true, leadMs: 10_000 }],
    ["at the detection", [prediction("p", 120)], { matched: 0, late: 1, predictedAhead: false, leadMs: null }],
    ["after the detection", [prediction("p", 130)], { matched: 0, late: 1, predictedAhead: false }],
    ["one before, one after", [prediction("p", 105), prediction("q", 150)], { matched: 1, late: 1, predictedAhead: true, leadMs: 15_000 }],
    ["unrelated (another agent and type)", [prediction("p", 130, "quorum_loss", "agent-09")], { matched: 0, late: 0 }],
  ])("%s", (_, predictions, want) =>
    expect(scoreRun(run("memory_pressure", { predictions, detections: [detection(120)] }))).toMatchObject(want),
  );
  it("counts nothing late when the fault was never detected", () =>
    expect(scoreRun(run("memory_pressure", { predictions: [prediction("p", 200)] }))).toMatchObject({ matched: 1, late: 0 }));
});

describe("scoreRun: the detection limit of a sudden fault", () => {
  it.each([
    ["by an event", null, 5_000],
    ["by silence", "silence", 15_000],
  ])("detected %s", (_, source, limit) =>
    expect(scoreRun(run("agent_crash", { detections: [detection(112, "agent_down", source)] }))).toMatchObject({
      detectDelayMs: 12_000,
      detectLimitMs: limit,
    }),
  );
});

describe("approvalOutcomes", () => {
  const approval = (id: string, atS = 10): Approval => ({ predictionId: id, at: s(atS) });
  const ev = (id: string, event: PreventiveEvent["event"], status: string, atS = 10, reason: string | null = null): PreventiveEvent => ({
    predictionId: id,
    event,
    status,
    reason,
    at: s(atS),
  });
  it.each([
    ["a healing that started", [ev("p", "healing.started", "running")], { without: [], declined: [] }],
    [
      "a healing cancelled with its reason",
      [ev("p", "healing.finished", "cancelled", 10, "skipped: healing h-1 in progress")],
      { without: [], declined: ["skipped: healing h-1 in progress"] },
    ],
    ["nothing", [], { without: ["p"], declined: [] }],
    ["only a healing of another prediction", [ev("q", "healing.started", "running")], { without: ["p"], declined: [] }],
    ["a healing that finished succeeded without a start", [ev("p", "healing.finished", "succeeded")], { without: ["p"], declined: [] }],
    ["a healing before the approval", [ev("p", "healing.started", "running", 5)], { without: ["p"], declined: [] }],
  ])("an approval followed by %s", (_, preventiveEvents, want) =>
    expect(approvalOutcomes({ approvals: [approval("p")], preventiveEvents })).toEqual({ approvals: 1, ...want }),
  );
});

describe("precursor and sudden totals", () => {
  const score = (scenario: RunScore["scenario"], o: Partial<RunScore>): RunScore => ({ ...scoreRun(run(scenario, {})), ...o });
  const value = (rows: { measure: string; value: number | null }[], prefix: string) =>
    rows.find((r) => r.measure.startsWith(prefix))?.value;
  const scores = [
    score("token_leak", { matched: 3, late: 1, predictedAhead: true, leadMs: 40_000 }),
    score("queue_flood", { matched: 0, late: 0, predictedAhead: false }),
    score("agent_crash", { late: 2, detectDelayMs: 4_000, detectLimitMs: 5_000, healingRecoveryMs: [6_000] }),
    score("quorum_loss", { detectDelayMs: 9_000, detectLimitMs: 5_000, healingRecoveryMs: [10_000] }),
  ];
  it("scores precursor faults on prediction, late ones against precision", () => {
    const rows = precursorTotals(scores);
    expect([value(rows, "precision"), value(rows, "recall"), value(rows, "median lead"), value(rows, "predictions at or after")]).toEqual([
      0.75, 0.5, 40, 1,
    ]);
  });
  it("scores sudden faults on detection within the limit and MTTR", () => {
    const rows = suddenTotals(scores);
    expect([value(rows, "detected within"), value(rows, "median MTTR"), value(rows, "predictions at or after")]).toEqual([0.5, 8, 2]);
  });
});
