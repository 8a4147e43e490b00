// Properties: determinism for a seed and call sequence, step-chunking invariance, validity, bounded memory.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateBatch } from "@/lib/server/ingest/validate-batch";
import { SwarmSimulator } from "./simulator";
import { ofType, simulator, T0 } from "./test-support";
import { PRIORITIES, SCENARIO_NAMES, type SimEvent } from "./types";

const AGENTS = Array.from({ length: 12 }, (_, i) => `agent-${String(i + 1).padStart(2, "0")}`);
const agentId = fc.constantFrom(...AGENTS);

const commandArb = fc.oneof(
  fc.record({ kind: fc.constant("restart_agent"), params: fc.record({ agent_id: agentId }) }),
  fc.record({ kind: fc.constant("drain_agent"), params: fc.record({ agent_id: agentId }) }),
  fc.record({ kind: fc.constant("scale_agents"), params: fc.record({ delta: fc.integer({ min: -3, max: 3 }) }) }),
  fc.record({
    kind: fc.constant("set_concurrency"),
    params: fc.record({
      agent_id: fc.option(agentId, { nil: undefined }),
      limit: fc.option(fc.integer({ min: 1, max: 4 }), { nil: null }),
    }),
  }),
  fc.record({ kind: fc.constant("pause_tasks"), params: fc.record({ max_priority: fc.constantFrom(...PRIORITIES) }) }),
  fc.record({ kind: fc.constant("resume_tasks"), params: fc.constant({}) }),
  fc.record({ kind: fc.constant("set_degradation"), params: fc.record({ level: fc.integer({ min: 0, max: 4 }) }) }),
  fc.record({ kind: fc.constant("retry_task"), params: fc.record({ task_id: fc.constantFrom("task-x-1", "task-x-2") }) }),
);

type Op =
  | { op: "advance"; ms: number }
  | { op: "inject"; scenario: (typeof SCENARIO_NAMES)[number]; target: string | undefined }
  | { op: "execute"; id: string; command: { kind: string; params: Record<string, unknown> } };

const opArb: fc.Arbitrary<Op> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ op: fc.constant("advance" as const), ms: fc.integer({ min: 1, max: 30_000 }) }) },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant("inject" as const),
      scenario: fc.constantFrom(...SCENARIO_NAMES),
      target: fc.option(agentId, { nil: undefined }),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant("execute" as const),
      id: fc.constantFrom("c1", "c2", "c3", "c4", "c5", "c6"),
      command: commandArb,
    }),
  },
);

/** Plays a sequence of calls and returns everything observable: events, command outcomes, inject results. */
function play(seed: number, ops: Op[]): { events: SimEvent[]; answers: unknown[] } {
  const sim = new SwarmSimulator({ seed, startMs: T0 });
  const events: SimEvent[] = [];
  const answers: unknown[] = [];
  for (const o of ops) {
    if (o.op === "advance") events.push(...sim.advance(sim.now + o.ms));
    else if (o.op === "inject") answers.push(sim.inject(o.scenario, sim.now, o.target));
    else answers.push(sim.execute({ id: o.id, ...o.command }, sim.now));
  }
  answers.push(sim.snapshot());
  return { events, answers };
}

describe("determinism", () => {
  it("the same seed and the same calls give identical events, answers and snapshot", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(opArb, { minLength: 1, maxLength: 25 }), (seed, ops) => {
        expect(play(seed, ops)).toEqual(play(seed, ops));
      }),
      { numRuns: 30 },
    );
  });

  it("different seeds give different runs", () => {
    const a = simulator({ seed: 1 }).advance(T0 + 60_000);
    const b = simulator({ seed: 2 }).advance(T0 + 60_000);
    expect(a.map((e) => [e.type, e.agent_id, e.timestamp])).not.toEqual(b.map((e) => [e.type, e.agent_id, e.timestamp]));
  });

  it("how advance calls chunk time does not change the events", () => {
    fc.assert(
      fc.property(fc.integer(), fc.uniqueArray(fc.integer({ min: 1, max: 179_999 }), { maxLength: 20 }), (seed, cuts) => {
        const whole = new SwarmSimulator({ seed, startMs: T0, schedule: [{ at: 20_000, scenario: "queue_flood" }] }).advance(T0 + 180_000);
        const sim = new SwarmSimulator({ seed, startMs: T0, schedule: [{ at: 20_000, scenario: "queue_flood" }] });
        const chunked = [...cuts.sort((x, y) => x - y), 180_000].flatMap((ms) => sim.advance(T0 + ms));
        expect(chunked).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });
});

describe("validity", () => {
  it("every event of any run passes the ingest validator", () => {
    fc.assert(
      fc.property(fc.integer(), fc.array(opArb, { minLength: 1, maxLength: 25 }), (seed, ops) => {
        const { events } = play(seed, ops);
        const last = events.at(-1);
        const result = validateBatch(events, (last?.timestamp as number | undefined) ?? T0);
        expect(result.ok ? [] : result.errors).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });
});

describe("bounded memory", () => {
  it("keeps every structure bounded over six hours of faults, floods and commands", () => {
    const scenarios = SCENARIO_NAMES.filter((n) => n !== "control");
    const schedule = Array.from({ length: 72 }, (_, i) => ({
      at: i * 300_000 + 60_000,
      scenario: scenarios[i % scenarios.length]!,
      durationMs: 120_000,
    }));
    const sim = simulator({ seed: 9, schedule, tokenRefillMs: 1_800_000 });
    let failedTasks: string[] = [];
    let commands = 0;
    let maxQueue = 0;
    for (let minute = 1; minute <= 360; minute++) {
      const events = sim.advance(T0 + minute * 60_000);
      failedTasks = [...ofType(events, "task_failed"), ...ofType(events, "task_timeout")].map((e) => e.task_id as string).slice(-5);
      for (const taskId of failedTasks)
        sim.execute({ id: `retry-${++commands}`, kind: "retry_task", params: { task_id: taskId } }, sim.now);
      sim.execute({ id: `scale-${++commands}`, kind: "scale_agents", params: { delta: minute % 2 === 0 ? 1 : -1 } }, sim.now);
      maxQueue = Math.max(maxQueue, sim.snapshot().tracked.queuedTasks);
    }
    const { tracked, counters } = sim.snapshot();
    expect(commands).toBeGreaterThan(1_000);
    expect(counters.completed).toBeGreaterThan(40_000);
    expect(tracked.commandResults).toBeLessThanOrEqual(1_000);
    expect(tracked.retryableTasks).toBeLessThanOrEqual(500);
    expect(maxQueue).toBeLessThanOrEqual(2_000);
    expect(tracked.agents).toBeLessThanOrEqual(16);
    expect(tracked.runningTasks).toBeLessThanOrEqual(16 * 4);
    expect(tracked.faults).toBeLessThanOrEqual(scenarios.length);
  });
});
