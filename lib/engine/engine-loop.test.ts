// The loop as a swarm meets it (docs/decisions.md#d28, docs/decisions.md#d29): predictions only before the fact, and an approval that always acts.
import { describe, expect, it } from "vitest";
import { manualClock } from "./model/clock";
import { createEngine } from "./engine";
import type { EngineEvent, EngineEventMap } from "./model/types";

let seq = 0;
const at = (s: number, type: string, data: Record<string, unknown>, agentId?: string): EngineEvent => ({
  id: `e${++seq}`,
  type,
  ts: s * 1000,
  ...(agentId ? { agentId } : {}),
  data: { type, ...data },
});
const beat = (s: number, state: string, agent = "agent-1") => at(s, "heartbeat", { health_state: state }, agent);

/** An engine on event time recording every output in order. */
function run() {
  let n = 0;
  const engine = createEngine({ clock: manualClock(0), newId: () => `id-${++n}` });
  engine.setTimeMode("s", "event");
  const out: { name: keyof EngineEventMap; payload: Record<string, unknown> }[] = [];
  for (const name of [
    "prediction.created",
    "prediction.updated",
    "healing.started",
    "healing.finished",
    "failure.detected",
    "command.updated",
  ] as const) {
    engine.on(name, (payload) => void out.push({ name, payload: payload as unknown as Record<string, unknown> }));
  }
  const of = <K extends keyof EngineEventMap>(name: K) =>
    out.filter((o) => o.name === name).map((o) => o.payload as unknown as EngineEventMap[K]);
  return { engine, out, of };
}

describe("predictions only before the fact", () => {
  it("no prediction for an agent whose failure is detected and being healed", () => {
    const { engine, of } = run();
    engine.ingest("s", [
      beat(100, "healthy"),
      at(101, "heartbeat_failed", {}, "agent-1"),
      beat(105, "degraded"),
      beat(110, "degraded"),
      beat(115, "degraded"),
      beat(120, "healthy", "agent-2"),
    ]);
    expect(of("failure.detected").map((f) => f.failure.agentId)).toEqual(["agent-1"]);
    expect(of("healing.started").map((h) => h.healing.strategy)).toEqual(["AgentRestartStrategy"]);
    expect(of("prediction.created").filter((p) => p.prediction.agentId === "agent-1")).toEqual([]);
  });

  it("an open proposal whose failure is then detected closes as happened, a hit", () => {
    const { engine, of } = run();
    engine.ingest("s", [beat(100, "healthy"), beat(105, "degraded"), beat(110, "degraded"), beat(112, "healthy", "agent-2")]);
    const proposal = of("prediction.created")
      .map((p) => p.prediction)
      .find((p) => p.status === "open");
    expect(proposal).toMatchObject({ agentId: "agent-1", failureType: "agent_down", status: "open" });
    engine.ingest("s", [at(113, "heartbeat_failed", {}, "agent-1"), beat(115, "healthy", "agent-2")]);
    expect(of("prediction.updated").map((p) => p.prediction)).toContainEqual(
      expect.objectContaining({
        id: proposal?.id,
        status: "expired",
        outcome: "confirmed",
        decisionReason: expect.stringMatching(/^happened/),
      }),
    );
  });
});

describe("a restart does not propose the same fault twice", () => {
  it("an open proposal the previous engine stored is adopted: the same evidence proposes nothing new, and its failure closes it as happened", () => {
    const { engine, of } = run();
    const stored = {
      id: "p-stored",
      failureType: "agent_down",
      agentId: "agent-1",
      confidence: 0.7,
      predictedAt: 95_000,
      expectedAt: 400_000,
      reasoning: "stored",
      recommendedAction: "restart",
      source: "health" as const,
      patternIndicators: [],
      status: "open" as const,
      outcome: null,
      decidedBy: null,
      decidedAt: null,
      decisionReason: null,
    };
    engine.adoptProposals("s", [stored]);
    engine.ingest("s", [beat(100, "healthy"), beat(105, "degraded"), beat(110, "degraded"), beat(112, "healthy", "agent-2")]);
    expect(of("prediction.created").filter((p) => p.prediction.agentId === "agent-1" && p.prediction.status === "open")).toEqual([]);
    engine.ingest("s", [at(113, "heartbeat_failed", {}, "agent-1"), beat(115, "healthy", "agent-2")]);
    expect(of("prediction.updated").map((p) => p.prediction)).toContainEqual(
      expect.objectContaining({ id: "p-stored", status: "expired", outcome: "confirmed" }),
    );
  });
});

describe("an approval always acts", () => {
  it("approving a stored proposal the engine no longer holds (a restart) starts its healing and issues its command", () => {
    const { engine, of } = run();
    engine.ingest("s", [beat(100, "healthy")]);
    const proposal = {
      id: "p-stored",
      failureType: "agent_down",
      agentId: "agent-1",
      confidence: 0.9,
      predictedAt: 90_000,
      expectedAt: 400_000,
      reasoning: "stored",
    };
    engine.decide("s", "p-stored", { decision: "approve", by: "op", proposal });
    expect(of("healing.started")).toMatchObject([
      { healing: { predictionId: "p-stored", trigger: "preventive", strategy: "AgentRestartStrategy", status: "running" } },
    ]);
    expect(of("command.updated")).toMatchObject([{ command: { kind: "restart_agent", params: { agent_id: "agent-1" } } }]);
  });

  it("approving while a healing already runs on the target ends visibly, with the reason", () => {
    const { engine, of } = run();
    engine.ingest("s", [beat(100, "healthy"), at(101, "heartbeat_failed", {}, "agent-1")]);
    const proposal = {
      id: "p-late",
      failureType: "agent_down",
      agentId: "agent-1",
      confidence: 0.9,
      predictedAt: 90_000,
      expectedAt: 400_000,
      reasoning: "stored",
    };
    engine.decide("s", "p-late", { decision: "approve", by: "op", proposal });
    expect(of("healing.finished")).toMatchObject([
      { healing: { predictionId: "p-late", status: "cancelled", reason: expect.stringMatching(/^skipped: healing .* in progress/) } },
    ]);
  });

  it("a rejection starts nothing", () => {
    const { engine, of } = run();
    engine.ingest("s", [beat(100, "healthy")]);
    const proposal = {
      id: "p-no",
      failureType: "agent_down",
      agentId: "agent-1",
      confidence: 0.9,
      predictedAt: 90_000,
      expectedAt: 400_000,
      reasoning: "stored",
    };
    engine.decide("s", "p-no", { decision: "reject", by: "op", reason: "no", proposal });
    expect([...of("healing.started"), ...of("healing.finished")]).toEqual([]);
  });

  it("a queue prediction is a proposal whose approval scales the swarm", () => {
    const { engine, of } = run();
    const queue = (s: number, depth: number) => at(s, "queue_metric", { metadata: { queue_depth: depth, high_priority_count: 0 } });
    engine.ingest("s", [beat(100, "healthy"), ...[0, 0, 0, 0, 12, 24, 36].map((d, i) => queue(101 + 5 * i, d)), beat(140, "healthy")]);
    const open = of("prediction.created")
      .map((p) => p.prediction)
      .filter((p) => p.status === "open");
    expect(open.map((p) => [p.source, p.failureType])).toEqual([["queue", "task_queue_backlog"]]);
    engine.decide("s", open[0]!.id, { decision: "approve", by: "op" });
    expect(of("command.updated").map((c) => c.command.kind)).toEqual(["scale_agents"]);
  });
});

describe("a guardrail delays a healing, it does not drop it", () => {
  it("a backlog that arrives in the cooldown of the scale-up approved ahead of it is scaled once the cooldown ends", () => {
    const { engine, of } = run();
    const queue = (s: number, depth: number) => at(s, "queue_metric", { metadata: { queue_depth: depth, high_priority_count: 0 } });
    engine.ingest("s", [beat(100, "healthy"), ...[0, 0, 0, 0, 8, 16, 27].map((d, i) => queue(101 + 5 * i, d)), beat(133, "healthy")]);
    const [proposal] = of("prediction.created")
      .map((p) => p.prediction)
      .filter((p) => p.status === "open");
    engine.decide("s", proposal!.id, { decision: "approve", by: "op" });
    engine.commandResult("s", of("command.updated")[0]!.command.id, { status: "succeeded" });
    engine.ingest("s", [beat(134, "healthy")]);
    expect(of("healing.finished").map((h) => [h.healing.trigger, h.healing.status])).toEqual([["preventive", "succeeded"]]);
    engine.ingest("s", [queue(136, 120), beat(137, "healthy")]);
    expect(of("healing.finished").at(-1)?.healing).toMatchObject({
      trigger: "detected",
      status: "cancelled",
      reason: expect.stringMatching(/^skipped: cooldown/),
    });
    const cancelled = of("healing.finished").filter((h) => h.healing.status === "cancelled").length;
    engine.ingest(
      "s",
      [150, 155, 160].flatMap((s) => [queue(s, 140), beat(s + 1, "healthy")]),
    );
    expect(of("healing.finished").filter((h) => h.healing.status === "cancelled")).toHaveLength(cancelled);
    const scaled = of("healing.started").filter(
      (h) => h.healing.strategy === "DynamicScalingStrategy" && h.healing.trigger === "detected" && h.healing.status === "running",
    );
    expect(scaled).toHaveLength(1);
    expect(of("command.updated").filter((c) => c.command.status === "pending" && c.command.kind === "scale_agents")).toHaveLength(2);
  });
});

describe("every fault is handled or says why not (incidents)", () => {
  it("a failure with a running healing is 'healing', then resolved when healed", () => {
    let n = 0;
    const engine = createEngine({ clock: manualClock(0), newId: () => `id-${++n}` });
    engine.setTimeMode("s", "event");
    const seen: { state: string; reason: string | null }[] = [];
    engine.on("incident.updated", ({ incident }) => void seen.push({ state: incident.state, reason: incident.reason }));
    const commands: string[] = [];
    engine.on("command.updated", ({ command }) => void (command.status === "pending" && commands.push(command.id)));
    engine.ingest("s", [beat(100, "healthy"), at(101, "heartbeat_failed", {}, "agent-1"), beat(102, "healthy", "agent-2")]);
    expect(seen.at(-1)).toEqual({ state: "healing", reason: null });
    engine.commandResult("s", commands[0]!, { status: "succeeded" });
    engine.ingest("s", [beat(104, "healthy"), beat(106, "healthy", "agent-2")]);
    expect(seen.at(-1)).toEqual({ state: "resolved", reason: "healed" });
  });

  it("a failure no policy lets heal needs an operator, and says why", () => {
    let n = 0;
    const engine = createEngine({ clock: manualClock(0), newId: () => `id-${++n}` });
    engine.setTimeMode("s", "event");
    engine.configure("s", {
      policies: { detected: { agent_down: "off" } },
      chains: {},
      confidenceThreshold: 0.7,
      guardrails: { maxAutoPerHour: 20, cooldownMs: 60_000 },
      targetMttrMs: 30_000,
      silenceIntervals: 3,
    });
    const seen: { state: string; reason: string | null }[] = [];
    engine.on("incident.updated", ({ incident }) => void seen.push({ state: incident.state, reason: incident.reason }));
    engine.ingest("s", [beat(100, "healthy"), at(101, "heartbeat_failed", {}, "agent-1"), beat(102, "healthy", "agent-2")]);
    expect(seen.at(-1)).toEqual({ state: "needs_operator", reason: "policy off for agent_down" });
    engine.ingest("s", [beat(110, "healthy")]);
    expect(seen.at(-1)).toEqual({ state: "resolved", reason: "recovered" });
  });

  it("a detected failure under an approve policy is awaiting a decision", () => {
    const { engine } = run();
    engine.configure("s", {
      policies: { detected: { agent_down: "approve" } },
      chains: {},
      confidenceThreshold: 0.7,
      guardrails: { maxAutoPerHour: 20, cooldownMs: 60_000 },
      targetMttrMs: 30_000,
      silenceIntervals: 3,
    });
    const seen: string[] = [];
    engine.on("incident.updated", ({ incident }) => void seen.push(incident.state));
    engine.ingest("s", [beat(100, "healthy"), at(101, "heartbeat_failed", {}, "agent-1")]);
    expect(seen.at(-1)).toBe("awaiting_decision");
  });
});

describe("bottleneck cards show current values", () => {
  it("an ongoing backlog is re-published every 5 s while its queue moves, even when its impact has saturated", () => {
    const { engine } = run();
    const updates: unknown[] = [];
    engine.on("bottleneck.updated", ({ bottleneck }) => void updates.push(bottleneck.metrics.pending_tasks));
    const queue = (s: number, depth: number) => at(s, "queue_metric", { metadata: { queue_depth: depth, high_priority_count: 0 } });
    engine.ingest("s", [
      beat(100, "healthy"),
      ...[500, 520, 540, 560, 580, 600, 620].map((d, i) => queue(101 + 2 * i, d)),
      beat(116, "healthy"),
    ]);
    expect(updates.length).toBeGreaterThanOrEqual(2);
    expect(updates.at(-1)).toBeGreaterThan(540);
  });
});

describe("one fault, one score", () => {
  it("an observation followed by a proposal for the same agent is superseded, not left to settle as a false positive", () => {
    const { engine, of } = run();
    engine.ingest("s", [beat(100, "healthy"), beat(105, "degraded"), beat(110, "degraded"), beat(112, "healthy", "agent-2")]);
    const created = of("prediction.created").map((p) => p.prediction);
    const observed = created.find((p) => p.status === "observed");
    const proposal = created.find((p) => p.status === "open");
    expect(observed && proposal).toBeTruthy();
    expect(of("prediction.updated").map((p) => p.prediction)).toContainEqual(
      expect.objectContaining({
        id: observed?.id,
        status: "expired",
        outcome: null,
        decisionReason: `superseded by proposal ${proposal?.id}`,
      }),
    );
    engine.ingest("s", [beat(400, "healthy"), beat(402, "healthy", "agent-2")]);
    expect(of("prediction.updated").filter((p) => p.prediction.id === observed?.id && p.prediction.outcome === "false_positive")).toEqual(
      [],
    );
  });
});

describe("the live health score reads the last 5 minutes", () => {
  it("a slow recovery weighs while recent and not once it is 5 minutes old", () => {
    const clock = manualClock(1_000_000);
    let n = 0;
    const engine = createEngine({ clock, newId: () => `id-${++n}` });
    const commands: string[] = [];
    engine.on("command.updated", ({ command }) => void (command.status === "pending" && commands.push(command.id)));
    const ev = (type: string, data: Record<string, unknown> = {}, agentId = "agent-1"): EngineEvent => ({
      id: `e${++seq}`,
      type,
      ts: clock.now(),
      agentId,
      data: { type, ...data },
    });
    engine.ingest("s", [ev("heartbeat"), ev("task_complete", { task_id: "t1", result: "success" })]);
    engine.ingest("s", [ev("heartbeat_failed")]);
    clock.advance(25_000);
    engine.commandResult("s", commands[0]!, { status: "succeeded" });
    engine.ingest("s", [ev("heartbeat")]);
    engine.tick();
    const recent = engine.snapshot("s").health;
    expect(recent?.mttr_points).not.toBeNull();
    expect(engine.snapshot("s").health_score).toBeLessThan(90);
    clock.advance(5 * 60_000 + 1_000);
    engine.ingest("s", [ev("heartbeat"), ev("task_complete", { task_id: "t2", result: "success" })]);
    engine.tick();
    expect(engine.snapshot("s")).toMatchObject({ health_score: 100, health: { mttr_points: null, strategy_points: null } });
  });
});
