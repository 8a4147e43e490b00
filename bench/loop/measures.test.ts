// Table-driven tests of the live loop's measures over hand-made records.
import { describe, expect, it } from "vitest";
import { detectionsOf } from "./attribution";
import {
  approvalFollowThrough,
  countReasons,
  delivered,
  faultFreeHealth,
  handled,
  mttr,
  needsOperator,
  notDelivered,
  notStored,
  openFaults,
  outcomePrecision,
  percentile,
  precursorRecall,
  predictionsOfOpenFaults,
  repairTimes,
  suddenDetection,
  unhandled,
} from "./measures";
import type {
  BottleneckRow,
  CommandRow,
  DecisionRecord,
  FailureRow,
  FaultTruth,
  HealingRow,
  IncidentRow,
  IncidentUpdate,
  PredictionRow,
} from "./records";

const T = Date.parse("2030-01-01T00:00:00Z");
const iso = (s: number) => new Date(T + s * 1000).toISOString();
const fault = (scenario: string, startS: number, endS: number, targets = ["agent-1"]): FaultTruth => ({
  id: `${scenario}-${startS}`,
  scenario,
  targets,
  startedAt: T + startS * 1000,
  endsAt: null,
  lastSeenAt: T + endS * 1000,
});
const failure = (id: string, type: string, atS: number, o: Partial<FailureRow> = {}): FailureRow => ({
  id,
  failure_type: type,
  agent_id: "agent-1",
  severity: "high",
  context: {},
  detected_at: iso(atS),
  resolved_at: null,
  ...o,
});
const prediction = (id: string, type: string, atS: number, o: Partial<PredictionRow> = {}): PredictionRow => ({
  id,
  failure_type: type,
  agent_id: "agent-1",
  status: "open",
  outcome: null,
  predicted_at: iso(atS),
  source: "health",
  ...o,
});
const command = (status: string, attempts: number, issuedS = 0): CommandRow => ({
  id: `c-${status}-${attempts}-${issuedS}`,
  kind: "restart_agent",
  status,
  attempts,
  issued_at: iso(issuedS),
  finished_at: null,
});
const healing = (id: string, o: Partial<HealingRow> = {}): HealingRow => ({
  id,
  failure_id: null,
  prediction_id: null,
  failure_type: "agent_down",
  strategy: "agent_restart",
  status: "succeeded",
  trigger: "detected",
  actions: [],
  reason: null,
  started_at: iso(0),
  finished_at: null,
  commands: [],
  ...o,
});
const incident = (id: string, type: string, openS: number, o: Partial<IncidentRow> = {}): IncidentRow => ({
  id,
  source: "failure",
  failure_type: type,
  agent_id: "agent-1",
  severity: "high",
  target: "agent-1",
  state: "healing",
  reason: null,
  healing_id: null,
  opened_at: iso(openS),
  updated_at: iso(openS),
  resolved_at: null,
  ...o,
});
const update = (id: string, state: string, atS: number, reason: string | null = null): IncidentUpdate => ({
  id,
  state,
  reason,
  updatedAt: T + atS * 1000,
  at: T + atS * 1000 + 5,
});
const bottleneck = (id: string, severity: string, atS: number): BottleneckRow => ({
  id,
  type: "task_queue_backlog",
  severity,
  status: "active",
  affected_resources: ["queue"],
  detected_at: iso(atS),
  resolved_at: null,
});
const approve = (kind: "prediction" | "healing", id: string, o: Partial<DecisionRecord> = {}): DecisionRecord => ({
  kind,
  id,
  decision: "approve",
  at: T,
  status: 200,
  final: true,
  ...o,
});

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
    ["pending", 0, false],
    ["timed_out", 0, false],
    ["timed_out", 1, true],
    ["dispatched", 1, true],
    ["succeeded", 0, true],
    ["failed", 2, true],
  ])("%s after %d claims → %s", (status, attempts, want) => expect(delivered({ status, attempts })).toBe(want));
});

describe("approvalFollowThrough", () => {
  const healings = [
    healing("h-prev", { prediction_id: "p-ok", trigger: "preventive", commands: [command("succeeded", 1)] }),
    healing("h-undelivered", { prediction_id: "p-stuck", trigger: "preventive", status: "running", commands: [command("pending", 0)] }),
    healing("h-det", { failure_id: "f1", status: "running", commands: [command("dispatched", 1)] }),
    healing("h-declined", {
      prediction_id: "p-busy",
      trigger: "preventive",
      status: "cancelled",
      reason: "skipped: healing h-9 in progress",
    }),
    healing("h-mute", { prediction_id: "p-mute", trigger: "preventive", status: "cancelled", reason: null }),
  ];
  it.each([
    [
      "an approval whose preventive healing delivered a command",
      [approve("prediction", "p-ok")],
      { approvals: 1, started: 1, healed: 1, declined: 0, acted: 1, ratio: 1 },
    ],
    [
      "an approval that started nothing",
      [approve("prediction", "p-none")],
      { approvals: 1, started: 0, healed: 0, declined: 0, acted: 0, ratio: 0 },
    ],
    [
      "a healing whose commands never left",
      [approve("prediction", "p-stuck")],
      { approvals: 1, started: 1, healed: 0, declined: 0, acted: 0, ratio: 0 },
    ],
    [
      "an approved waiting healing that runs",
      [approve("healing", "h-det")],
      { approvals: 1, started: 1, healed: 1, declined: 0, acted: 1, ratio: 1 },
    ],
    [
      "an approval cancelled with the reason",
      [approve("prediction", "p-busy")],
      { approvals: 1, started: 1, healed: 0, declined: 1, acted: 1, ratio: 1, declinedReasons: [["skipped: healing h-N in progress", 1]] },
    ],
    [
      "an approval cancelled without a reason",
      [approve("prediction", "p-mute")],
      { approvals: 1, started: 1, healed: 0, declined: 0, acted: 0, ratio: 0 },
    ],
    [
      "a first of two approvals, a 409 and a rejection are not approvals",
      [
        approve("prediction", "p-none", { final: false }),
        approve("prediction", "p-x", { status: 409, final: false }),
        approve("prediction", "p-y", { decision: "reject" }),
      ],
      { approvals: 0, started: 0, healed: 0, acted: 0, ratio: null },
    ],
  ])("%s", (_, decisions, want) => expect(approvalFollowThrough(decisions, healings)).toMatchObject(want));
});

describe("countReasons", () => {
  it("masks ids and numbers, most frequent first", () => {
    expect(
      countReasons([
        "cooldown (12 ms left)",
        "policy off for agent_down",
        "cooldown (3 ms left)",
        null,
        "healing 0b8f7a2c-1d2e-4f5a-9b6c-7d8e9f0a1b2c in progress",
      ]),
    ).toEqual([
      ["cooldown (N ms left)", 2],
      ["(no reason)", 1],
      ["healing <id> in progress", 1],
      ["policy off for agent_down", 1],
    ]);
  });
});

describe("predictionsOfOpenFaults", () => {
  const end = T + 600_000;
  const open = [
    incident("i1", "agent_down", 100, { resolved_at: iso(160) }),
    incident("i2", "resource_exhaustion", 300, { agent_id: "agent-2" }),
  ];
  it.each([
    ["before the incident opened", prediction("p", "agent_down", 99), 0],
    ["at the second the incident opened", prediction("p", "agent_down", 100), 1],
    ["while it was open, as an observation", prediction("p", "agent_down", 120, { status: "observed" }), 1],
    ["after it was resolved", prediction("p", "agent_down", 160), 0],
    ["on another agent", prediction("p", "agent_down", 120, { agent_id: "agent-2" }), 0],
    ["naming no agent", prediction("p", "agent_down", 120, { agent_id: null }), 1],
    ["of another type", prediction("p", "task_failed", 120), 0],
    [
      "of a type the open one confirms (memory → resource exhaustion)",
      prediction("p", "memory_exhaustion", 400, { agent_id: "agent-2" }),
      1,
    ],
    ["while one is still open at the end", prediction("p", "resource_exhaustion", 590, { agent_id: "agent-2" }), 1],
  ])("a prediction %s counts %d", (_, p, want) => expect(predictionsOfOpenFaults([p], openFaults(open, []), end).count).toBe(want));
  it("also sees a detection whose incident the API does not list", () => {
    const faults = openFaults([], detectionsOf([failure("f9", "agent_down", 50, { resolved_at: iso(70) })], []));
    expect(predictionsOfOpenFaults([prediction("p", "agent_down", 60), prediction("q", "agent_down", 80)], faults, end)).toMatchObject({
      count: 1,
      proposals: 1,
    });
  });
});

describe("handled", () => {
  it.each([
    ["healing", null, true],
    ["awaiting_decision", "a healing waits", true],
    ["recovering", null, true],
    ["resolved", "healed", true],
    ["needs_operator", "policy off for agent_down", true],
    ["needs_operator", "not yet routed to a healing", false],
    ["open", null, false],
  ])("%s (%s) → %s", (state, reason, want) => expect(handled(state, reason)).toBe(want));
});

describe("unhandled", () => {
  const end = T + 600_000;
  const f = failure("f1", "agent_down", 0);
  it.each<[string, FailureRow[], IncidentRow[], IncidentUpdate[], number, number | null]>([
    ["healing after 10 s (socket)", [f], [], [update("f1", "healing", 10)], 0, 10],
    [
      "first placeholder, then needs an operator after 40 s",
      [f],
      [],
      [update("f1", "needs_operator", 1, "not yet routed to a healing"), update("f1", "needs_operator", 40, "policy off")],
      1,
      40,
    ],
    [
      "only in the final list, resolved after 20 s",
      [f],
      [incident("f1", "agent_down", 0, { state: "resolved", updated_at: iso(20), resolved_at: iso(20) })],
      [],
      0,
      20,
    ],
    ["never seen as an incident", [f], [], [], 1, 600],
    ["medium severity failures count too", [{ ...f, severity: "medium" }], [], [update("f1", "awaiting_decision", 31)], 1, 31],
  ])("a failure %s", (_, failures, incidents, updates, over, maxS) => {
    expect(unhandled(detectionsOf(failures, []), incidents, updates, end)).toMatchObject({ items: 1, over, maxS });
  });
  it("counts a critical/high bottleneck once with its failure, and skips a medium one", () => {
    const synthetic = failure("f-b1", "task_queue_backlog", 2, { agent_id: null, context: { bottleneck_id: "b1" } });
    const d = detectionsOf([synthetic], [bottleneck("b1", "critical", 0), bottleneck("b2", "medium", 0)]);
    expect(unhandled(d, [], [update("b1", "recovering", 45)], end)).toMatchObject({ items: 1, over: 1, maxS: 45, neverSeen: 0 });
  });
});

describe("needsOperator", () => {
  it("counts the incidents whose final state is needs_operator, with their reasons", () => {
    const incidents = [
      incident("a", "agent_down", 0, { state: "needs_operator", reason: "healing skipped: cooldown (5 ms left)" }),
      incident("b", "agent_down", 0, { state: "needs_operator", reason: "healing skipped: cooldown (9 ms left)" }),
      incident("c", "agent_down", 0, { state: "resolved", reason: "healed" }),
    ];
    expect(needsOperator(incidents)).toEqual({ count: 2, of: 3, reasons: [["healing skipped: cooldown (N ms left)", 2]] });
  });
});

describe("outcomePrecision", () => {
  it.each([
    ["confirmed, prevented and happened are true; false_positive false", ["confirmed", "prevented", "happened", "false_positive"], 0.75, 0],
    ["rejected, none and unknown outcomes are unscored", ["rejected", null, "someday"], null, 3],
  ])("%s", (_, outcomes, precision, unscored) => {
    const ps = outcomes.map((o, i) => prediction(`p${i}`, "agent_down", 0, { outcome: o }));
    expect(outcomePrecision([...ps, prediction("obs", "agent_down", 0, { status: "observed", outcome: "false_positive" })])).toMatchObject({
      precision,
      unscored,
    });
  });
});

describe("precursorRecall", () => {
  const f = fault("memory_pressure", 100, 300);
  const detections = detectionsOf([failure("f1", "agent_down", 200)], []);
  it.each([
    ["a proposal before the detection", [prediction("p", "memory_exhaustion", 150)], 1],
    ["only after the detection", [prediction("p", "memory_exhaustion", 210)], 0],
    ["at the second of the detection", [prediction("p", "memory_exhaustion", 200)], 0],
    ["none", [], 0],
  ])("%s → recall %d", (_, predictions, recall) =>
    expect(precursorRecall([f, fault("agent_crash", 0, 10)], detections, predictions)).toMatchObject({ faults: 1, recall }),
  );

  it.each<[string, BottleneckRow[], number, number]>([
    ["a flood into a backlog still open is masked, not a miss", [{ ...bottleneck("b", "critical", 50) }], 0, 1],
    ["a backlog that had cleared before the flood masks nothing", [{ ...bottleneck("b", "critical", 50), resolved_at: iso(90) }], 1, 0],
    ["a backlog detected after the flood began is its detection, not a mask", [{ ...bottleneck("b", "critical", 120) }], 1, 0],
  ])("%s", (_, bottlenecks, faults, maskedCount) => {
    const flood = fault("queue_flood", 100, 300, []);
    expect(precursorRecall([flood], detectionsOf([], bottlenecks), [])).toMatchObject({ faults, masked: maskedCount });
  });
});

describe("suddenDetection", () => {
  const f = fault("agent_crash", 100, 200);
  it.each([
    ["by an event within one interval", [failure("f", "agent_down", 104)], 4_000, true],
    ["by an event after two intervals", [failure("f", "agent_down", 110)], 10_000, false],
    ["by silence within three intervals", [failure("f", "agent_down", 114, { context: { detection_source: "silence" } })], 14_000, true],
    ["never", [], null, false],
  ])("detected %s", (_, failures, delayMs, pass) =>
    expect(suddenDetection([f, fault("token_leak", 0, 50)], detectionsOf(failures, []))).toEqual([
      expect.objectContaining({ delayMs, pass }),
    ]),
  );
});

describe("repairTimes and mttr", () => {
  it("measures each fault's first failure from detection to resolution; unresolved ones count apart", () => {
    const faults = [fault("agent_crash", 0, 50), fault("agent_crash", 100, 150, ["agent-2"]), fault("agent_crash", 300, 350, ["agent-3"])];
    const failures = [
      failure("a", "agent_down", 10, { resolved_at: iso(22) }),
      failure("b", "agent_down", 110, { agent_id: "agent-2", resolved_at: iso(118) }),
      failure("c", "agent_down", 310, { agent_id: "agent-3" }),
    ];
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
    expect(faultFreeHealth(samples, [fault("agent_crash", 100, 200)], T)).toEqual({
      samples: 3,
      noData: 1,
      median: 93,
      min: 91,
      below90: 0,
    });
  });
});

describe("notStored and notDelivered", () => {
  const stored = {
    failures: new Set(["f1"]),
    bottlenecks: new Set<string>(),
    predictions: new Set(["p1"]),
    healings: new Set<string>(),
    commands: new Set(["c1"]),
    incidents: new Set(["f1"]),
  };
  it.each([
    [
      [
        { event: "failure.detected", id: "f1", at: T },
        { event: "prediction.updated", id: "p1", at: T },
        { event: "command.updated", id: "c1", at: T },
      ],
      0,
    ],
    [
      [
        { event: "failure.detected", id: "f2", at: T },
        { event: "healing.started", id: "h1", at: T },
        { event: "healing.finished", id: "h1", at: T },
      ],
      2,
    ],
    [
      [
        { event: "incident.updated", id: "f1", at: T },
        { event: "incident.updated", id: "f3", at: T },
      ],
      1,
    ],
    [[{ event: "metrics.tick", id: "x", at: T }], 0],
  ])("%j → %d missing", (socket, count) => expect(notStored(socket, stored).count).toBe(count));

  it("counts commands never claimed, except those issued within the grace before the end", () => {
    const h = healing("h", {
      commands: [command("pending", 0, 0), command("timed_out", 0, 5), command("succeeded", 1, 0), command("pending", 0, 95)],
    });
    expect(notDelivered([h], T + 100_000).count).toBe(2);
  });
});
