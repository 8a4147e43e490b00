// Table-driven tests of the live loop's measures over hand-made records.
import { describe, expect, it } from "vitest";
import { detectionsOf } from "./attribution";
import {
  approvalFollowThrough, delivered, faultFreeHealth, mttr, needsOperatorAt, notDelivered, notStored, outcomePrecision, percentile,
  precursorRecall, predictionsAfterDetection, repairTimes, suddenDetection, unattended,
} from "./measures";
import type { CommandRow, DecisionRecord, FailureRow, FaultTruth, HealingRow, PredictionRow } from "./records";

const T = Date.parse("2030-01-01T00:00:00Z");
const iso = (s: number) => new Date(T + s * 1000).toISOString();
const fault = (scenario: string, startS: number, endS: number, targets = ["agent-1"]): FaultTruth => ({ id: `${scenario}-${startS}`, scenario, targets, startedAt: T + startS * 1000, endsAt: null, lastSeenAt: T + endS * 1000 });
const failure = (id: string, type: string, atS: number, o: Partial<FailureRow> = {}): FailureRow => ({ id, failure_type: type, agent_id: "agent-1", severity: "high", context: {}, detected_at: iso(atS), resolved_at: null, ...o });
const prediction = (id: string, type: string, atS: number, o: Partial<PredictionRow> = {}): PredictionRow => ({ id, failure_type: type, agent_id: "agent-1", status: "open", outcome: null, predicted_at: iso(atS), source: "health", ...o });
const command = (status: string, attempts: number, issuedS = 0): CommandRow => ({ id: `c-${status}-${attempts}-${issuedS}`, kind: "restart_agent", status, attempts, issued_at: iso(issuedS), finished_at: null });
const healing = (id: string, o: Partial<HealingRow> = {}): HealingRow => ({ id, failure_id: null, prediction_id: null, failure_type: "agent_down", strategy: "agent_restart", status: "succeeded", trigger: "detected", actions: [], reason: null, started_at: iso(0), finished_at: null, commands: [], ...o });
const approve = (kind: "prediction" | "healing", id: string, o: Partial<DecisionRecord> = {}): DecisionRecord => ({ kind, id, decision: "approve", at: T, status: 200, final: true, ...o });

describe("percentile", () => {
  it.each([
    [[], 50, null],
    [[7], 99, 7],
    [[1, 2, 3, 4], 50, 2],
    [Array.from({ length: 100 }, (_, i) => i + 1), 99, 99],
    [Array.from({ length: 100 }, (_, i) => i + 1), 100, 100],
  ])("%j p%d = %j", (xs, p, want) => expect(percentile(xs, p)).toBe(want));
});

describe("delivered", () => {
  it.each([
    ["pending", 0, false], ["timed_out", 0, false], ["timed_out", 1, true], ["dispatched", 1, true], ["succeeded", 0, true], ["failed", 2, true],
  ])("%s after %d claims → %s", (status, attempts, want) => expect(delivered({ status, attempts })).toBe(want));
});

describe("approvalFollowThrough", () => {
  const healings = [
    healing("h-prev", { prediction_id: "p-ok", trigger: "preventive", commands: [command("succeeded", 1)] }),
    healing("h-undelivered", { prediction_id: "p-stuck", trigger: "preventive", commands: [command("pending", 0)] }),
    healing("h-det", { failure_id: "f1", status: "running", commands: [command("dispatched", 1)] }),
  ];
  it.each([
    ["an approval whose preventive healing delivered a command", [approve("prediction", "p-ok")], { approvals: 1, started: 1, healed: 1, ratio: 1 }],
    ["an approval that started nothing", [approve("prediction", "p-none")], { approvals: 1, started: 0, healed: 0, ratio: 0 }],
    ["a healing whose commands never left", [approve("prediction", "p-stuck")], { approvals: 1, started: 1, healed: 0, ratio: 0 }],
    ["an approved waiting healing that runs", [approve("healing", "h-det")], { approvals: 1, started: 1, healed: 1, ratio: 1 }],
    ["a first of two approvals, a 409 and a rejection are not approvals", [approve("prediction", "p-none", { final: false }), approve("prediction", "p-x", { status: 409, final: false }), approve("prediction", "p-y", { decision: "reject" })], { approvals: 0, started: 0, healed: 0, ratio: null }],
  ])("%s", (_, decisions, want) => expect(approvalFollowThrough(decisions, healings)).toEqual(want));
});

describe("predictionsAfterDetection", () => {
  const f = fault("agent_crash", 100, 200);
  const detections = detectionsOf([failure("f1", "agent_down", 115)], []);
  it.each([
    ["before the detection", [prediction("p", "agent_down", 110)], 0],
    ["after the detection, on the target", [prediction("p", "agent_down", 120)], 1],
    ["after the detection but only observed", [prediction("p", "agent_down", 120, { status: "observed" })], 0],
    ["after the fault ended", [prediction("p", "agent_down", 260)], 0],
    ["on another agent, an unrelated type", [prediction("p", "quorum_loss", 120, { agent_id: "agent-9" })], 0],
  ])("a proposal %s counts %d", (_, predictions, want) => expect(predictionsAfterDetection([f], detections, predictions).count).toBe(want));
  it("counts nothing for an undetected fault", () => expect(predictionsAfterDetection([f], [], [prediction("p", "agent_down", 120)]).count).toBe(0));
});

describe("needsOperatorAt", () => {
  it.each([
    [{}, null],
    [{ needs_operator_at: iso(40) }, T + 40_000],
    [{ status: "needs_operator" }, T],
    [{ status: "active" }, null],
  ])("%j → %s", (item, want) => expect(needsOperatorAt(item, T)).toBe(want));
});

describe("unattended", () => {
  const end = T + 600_000;
  const f = failure("f1", "agent_down", 0);
  it.each([
    ["healed after 10 s", [f], [healing("h", { failure_id: "f1", started_at: iso(10) })], 0, 10],
    ["never answered", [f], [], 1, 600],
    ["resolved by itself after 20 s", [{ ...f, resolved_at: iso(20) }], [], 0, 20],
    ["marked as needing an operator after 5 s", [{ ...f, needs_operator_at: iso(5) }], [], 0, 5],
    ["medium severity is not counted", [{ ...f, severity: "medium" }], [], 0, null],
  ])("a high failure %s", (_, failures, healings, over, maxS) => {
    const d = detectionsOf(failures, []);
    const items = new Map(failures.map((x) => [x.id, x as Record<string, unknown>]));
    expect(unattended(d, items, healings, end)).toMatchObject({ over, maxS });
  });
  it("a critical bottleneck answered by a healing of its type", () => {
    const b = { id: "b1", type: "task_queue_backlog", severity: "critical", status: "active", affected_resources: ["queue"], detected_at: iso(0), resolved_at: null };
    const d = detectionsOf([], [b]);
    expect(unattended(d, new Map(), [healing("h", { failure_type: "task_queue_backlog", started_at: iso(45) })], end)).toMatchObject({ over: 1, maxS: 45 });
  });
});

describe("outcomePrecision", () => {
  it.each([
    ["confirmed, prevented and happened are true; false_positive false", ["confirmed", "prevented", "happened", "false_positive"], 0.75, 0],
    ["rejected, none and unknown outcomes are unscored", ["rejected", null, "someday"], null, 3],
  ])("%s", (_, outcomes, precision, unscored) => {
    const ps = outcomes.map((o, i) => prediction(`p${i}`, "agent_down", 0, { outcome: o }));
    expect(outcomePrecision([...ps, prediction("obs", "agent_down", 0, { status: "observed", outcome: "false_positive" })])).toMatchObject({ precision, unscored });
  });
});

describe("precursorRecall", () => {
  const f = fault("memory_pressure", 100, 300);
  const detections = detectionsOf([failure("f1", "agent_down", 200)], []);
  it.each([
    ["a proposal before the detection", [prediction("p", "memory_exhaustion", 150)], 1],
    ["only after the detection", [prediction("p", "memory_exhaustion", 210)], 0],
    ["none", [], 0],
  ])("%s → recall %d", (_, predictions, recall) => expect(precursorRecall([f, fault("agent_crash", 0, 10)], detections, predictions)).toMatchObject({ faults: 1, recall }));
});

describe("suddenDetection", () => {
  const f = fault("agent_crash", 100, 200);
  it.each([
    ["by an event within one interval", [failure("f", "agent_down", 104)], 4_000, true],
    ["by an event after two intervals", [failure("f", "agent_down", 110)], 10_000, false],
    ["by silence within three intervals", [failure("f", "agent_down", 114, { context: { detection_source: "silence" } })], 14_000, true],
    ["never", [], null, false],
  ])("detected %s", (_, failures, delayMs, pass) => expect(suddenDetection([f, fault("token_leak", 0, 50)], detectionsOf(failures, []))).toEqual([expect.objectContaining({ delayMs, pass })]));
});

describe("repairTimes and mttr", () => {
  it("measures each fault's first failure from detection to resolution; unresolved ones count apart", () => {
    const faults = [fault("agent_crash", 0, 50), fault("agent_crash", 100, 150, ["agent-2"]), fault("agent_crash", 300, 350, ["agent-3"])];
    const failures = [failure("a", "agent_down", 10, { resolved_at: iso(22) }), failure("b", "agent_down", 110, { agent_id: "agent-2", resolved_at: iso(118) }), failure("c", "agent_down", 310, { agent_id: "agent-3" })];
    const times = repairTimes(faults, detectionsOf(failures, []));
    expect(times.map((t) => t.ms)).toEqual([12_000, 8_000, null]);
    expect(mttr(times)).toEqual({ repaired: 2, unrepaired: 1, medianMs: 10_000 });
  });
});

describe("faultFreeHealth", () => {
  it("keeps the samples outside faults (and their settling), after the warm-up; null is no data", () => {
    const samples = [
      { at: T + 30_000, score: 10 }, // warm-up
      { at: T + 70_000, score: 95 },
      { at: T + 120_000, score: 40 }, // during the fault
      { at: T + 215_000, score: 50 }, // settling
      { at: T + 300_000, score: 91 },
      { at: T + 310_000, score: null },
    ];
    expect(faultFreeHealth(samples, [fault("agent_crash", 100, 200)], T)).toEqual({ samples: 3, noData: 1, median: 93, min: 91, below90: 0 });
  });
});

describe("notStored and notDelivered", () => {
  const stored = { failures: new Set(["f1"]), bottlenecks: new Set<string>(), predictions: new Set(["p1"]), healings: new Set<string>(), commands: new Set(["c1"]) };
  it.each([
    [[{ event: "failure.detected", id: "f1", at: T }, { event: "prediction.updated", id: "p1", at: T }, { event: "command.updated", id: "c1", at: T }], 0],
    [[{ event: "failure.detected", id: "f2", at: T }, { event: "healing.started", id: "h1", at: T }, { event: "healing.finished", id: "h1", at: T }], 2],
    [[{ event: "metrics.tick", id: "x", at: T }], 0],
  ])("%j → %d missing", (socket, count) => expect(notStored(socket, stored).count).toBe(count));

  it("counts commands never claimed, except those issued within the grace before the end", () => {
    const h = healing("h", { commands: [command("pending", 0, 0), command("timed_out", 0, 5), command("succeeded", 1, 0), command("pending", 0, 95)] });
    expect(notDelivered([h], T + 100_000).count).toBe(2);
  });
});
