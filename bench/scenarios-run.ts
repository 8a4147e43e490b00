// One scenario run on the virtual clock: a seeded simulated swarm whose events pass the ingest validation and feed an
// engine on event time; the simulator is the coordinator (commands executed one second after they are issued) and a
// stand-in operator approves every proposal still open one second after it appears. Records what the engine published.
import { manualClock, createEngine, type HealingRecord, type EngineEvent } from "@/lib/engine";
import { validateBatch } from "../lib/server/ingest/validate-batch";
import { type FaultRecord, type ScenarioName, SwarmSimulator } from "../lib/simulator/model";

/** Run timing: fault-free warm-up, how long the injected fault lasts unless healed, and the run after the injection. */
export const TIMING = { warmupMs: 180_000, faultMs: 240_000, afterMs: 360_000 } as const;

/** Simulated start of every run (fixed, so a seed always gives the same run). */
const START_MS = Date.UTC(2026, 10, 22, 12);

const SWARM = "bench";

/** An open prediction (confidence at or above the engine's threshold, i.e. a proposal). */
export type OpenPrediction = {
  id: string;
  at: number;
  failureType: string;
  agentId: string | null;
  source: string;
  confidence: number;
  reasoning: string;
};

/** A failure or bottleneck the engine detected (`source`: a failure's context.detection_source, e.g. "silence"). */
export type Detection = {
  at: number;
  kind: "failure" | "bottleneck";
  id: string;
  type: string;
  agentId: string | null;
  source: string | null;
};

/** An approval the stand-in operator gave to a proposal that was still open. */
export type Approval = { predictionId: string; at: number };

/** A healing the engine published for a prediction: started, or finished (`status`, `reason`). */
export type PreventiveEvent = {
  predictionId: string;
  event: "healing.started" | "healing.finished";
  status: string;
  reason: string | null;
  at: number;
};

/** Everything one run produced, raw. */
export type RunRecord = {
  scenario: ScenarioName;
  seed: number;
  startMs: number;
  injectAt: number;
  endAt: number;
  /** The injected fault (null for the control run). */
  fault: FaultRecord | null;
  predictions: OpenPrediction[];
  /** Predictions below the threshold (status observed): recorded, not proposed. */
  observed: number;
  detections: Detection[];
  /** Final records of every finished healing. */
  healings: HealingRecord[];
  /** Approvals of open proposals, and the healings published with a prediction id. */
  approvals: Approval[];
  preventiveEvents: PreventiveEvent[];
  /** Proposals that were no longer open when the operator came to them (expired, overtaken by their failure). */
  closedBeforeDecision: number;
  /** Ground truth: when the fault's cause was removed before its end (healed by a command), else null. */
  clearedAt: number | null;
  /** Commands the simulator executed, by outcome. */
  commands: { succeeded: number; failed: number };
  /** Events that failed ingest validation (never expected). */
  invalid: number;
  /** Ground truth at the end of the run: queued tasks and the priorities whose dispatch is paused. */
  queueAtEnd: { pending: number; paused: string[] };
};

/** Engine event shape of validated events, as the ingest path hands them over after storage. */
function toEngineEvents(events: Record<string, unknown>[], now: number): { ok: EngineEvent[]; invalid: number } {
  const checked = validateBatch(events, now);
  if (!checked.ok) return { ok: [], invalid: events.length };
  return {
    ok: checked.events.map((e, i) => ({
      id: e.id ?? `${now}-${i}`,
      type: e.type,
      ts: e.ts,
      agentId: e.agentId,
      taskId: e.taskId,
      data: e.raw,
    })),
    invalid: 0,
  };
}

/** Ground truth: the fault's cause is gone (its record ended, every target drains, or the quorum is back); a flood never is. */
function cleared(sim: SwarmSimulator, fault: FaultRecord): boolean {
  if (fault.scenario === "queue_flood") return false;
  const snap = sim.snapshot();
  if (!snap.faults.some((f) => f.id === fault.id)) return true;
  if (fault.scenario === "quorum_loss") return snap.consensus.voters >= snap.consensus.requiredQuorum;
  return fault.targets.every((id) => snap.agents.list.find((a) => a.id === id)?.state === "draining");
}

/** Runs `scenario` with `seed`: warm-up, injection, then the rest of the run, one simulated second at a time. */
export function runScenario(scenario: ScenarioName, seed: number): RunRecord {
  const sim = new SwarmSimulator({ seed, startMs: START_MS });
  const clock = manualClock(START_MS);
  let ids = 0;
  const engine = createEngine({ clock, newId: () => `id-${++ids}` });
  engine.setTimeMode(SWARM, "event");
  const injectAt = START_MS + TIMING.warmupMs;
  const rec: RunRecord = {
    scenario,
    seed,
    startMs: START_MS,
    injectAt,
    endAt: injectAt + TIMING.afterMs,
    fault: null,
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
  };
  let outbox: { id: string; kind: string; params: Record<string, unknown> }[] = [];
  let proposals: string[] = [];

  engine.on("command.updated", ({ command }) => void (command.status === "pending" && outbox.push(command)));
  const open = new Set<string>();
  engine.on("prediction.created", ({ prediction: p }) => {
    if (p.status !== "open") return void rec.observed++;
    proposals.push(p.id);
    open.add(p.id);
    rec.predictions.push({
      id: p.id,
      at: p.predictedAt,
      failureType: p.failureType,
      agentId: p.agentId ?? null,
      source: p.source,
      confidence: p.confidence,
      reasoning: p.reasoning,
    });
  });
  engine.on("prediction.updated", ({ prediction: p }) => void (p.status !== "open" && open.delete(p.id)));
  engine.on("failure.detected", ({ failure: f }) => {
    const source = (f.context as { detection_source?: unknown } | null)?.detection_source;
    rec.detections.push({
      at: f.detectedAt,
      kind: "failure",
      id: f.id,
      type: f.failureType,
      agentId: f.agentId ?? null,
      source: typeof source === "string" ? source : null,
    });
  });
  engine.on("bottleneck.detected", ({ bottleneck: b }) => {
    const agentId = b.type === "slow_agent" ? (b.affectedResources[0] ?? null) : null;
    rec.detections.push({ at: b.detectedAt, kind: "bottleneck", id: b.id, type: b.type, agentId, source: null });
  });
  const preventive = (event: PreventiveEvent["event"], h: HealingRecord) => {
    if (h.predictionId)
      rec.preventiveEvents.push({ predictionId: h.predictionId, event, status: h.status, reason: h.reason ?? null, at: clock.now() });
  };
  engine.on("healing.started", ({ healing }) => void preventive("healing.started", healing));
  engine.on("healing.finished", ({ healing }) => {
    rec.healings.push(healing);
    preventive("healing.finished", healing);
  });

  for (let t = START_MS + 1000; t <= rec.endAt; t += 1000) {
    clock.set(t);
    if (t === injectAt) rec.fault = sim.inject(scenario, t, undefined, TIMING.faultMs);
    const [commands, decisions] = [outbox, proposals];
    [outbox, proposals] = [[], []];
    for (const c of commands) {
      engine.commandResult(SWARM, c.id, { status: "dispatched", attempts: 1 });
      const outcome = sim.execute(c, t);
      rec.commands[outcome.status]++;
      engine.commandResult(SWARM, c.id, outcome);
    }
    for (const id of decisions) {
      if (!open.has(id)) {
        rec.closedBeforeDecision++;
        continue;
      }
      rec.approvals.push({ predictionId: id, at: t });
      engine.decide(SWARM, id, { decision: "approve", by: "bench" });
    }
    const events = toEngineEvents(sim.advance(t), t);
    rec.invalid += events.invalid;
    engine.ingest(SWARM, events.ok);
    if (rec.fault && rec.clearedAt === null && t < (rec.fault.endsAt ?? Infinity) && cleared(sim, rec.fault)) rec.clearedAt = t;
  }
  const { pending, paused } = sim.snapshot().queue;
  rec.queueAtEnd = { pending, paused: [...paused] };
  return rec;
}
