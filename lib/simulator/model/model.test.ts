// The model without faults: start-up, arrivals, dispatch by priority, tokens, heartbeats, consensus, metrics, validity.
import { describe, expect, it } from "vitest";
import { validateBatch } from "@/lib/server/ingest/validate-batch";
import { Prng } from "./prng";
import { SwarmSimulator } from "./simulator";
import { meta, ofType, runUntil, simulator, T0 } from "./test-support";
import { PRIORITIES } from "./types";

describe("Prng", () => {
  it("repeats a sequence for a seed and draws within range", () => {
    const a = new Prng(42);
    const b = new Prng(42);
    const xs = Array.from({ length: 1000 }, () => a.next());
    expect(xs).toEqual(Array.from({ length: 1000 }, () => b.next()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
    expect(new Prng(43).next()).not.toBe(xs[0]);
  });

  it("draws Poisson counts with the requested mean, also for large means", () => {
    const r = new Prng(7);
    for (const lambda of [0.5, 3, 75]) {
      const mean = Array.from({ length: 4000 }, () => r.poisson(lambda)).reduce((s, n) => s + n, 0) / 4000;
      expect(mean).toBeGreaterThan(lambda * 0.95);
      expect(mean).toBeLessThan(lambda * 1.05);
    }
  });
});

describe("start-up and options", () => {
  it("registers the agents over the first heartbeat period, each with a heartbeat", () => {
    const events = runUntil(simulator(), 5);
    const registered = ofType(events, "agent_registered").map((e) => e.agent_id);
    expect(registered).toEqual(["agent-01", "agent-02", "agent-03", "agent-04", "agent-05", "agent-06", "agent-07", "agent-08"]);
    for (const id of registered) expect(ofType(events, "heartbeat", id as string).length).toBeGreaterThanOrEqual(1);
  });

  it("rejects nonsensical options", () => {
    expect(() => simulator({ agentCount: 0 })).toThrow(RangeError);
    expect(() => simulator({ totalQuotas: 4 })).toThrow(/totalQuotas/);
    expect(() => simulator({ stepMs: 5 })).toThrow(/stepMs/);
    expect(() => new SwarmSimulator({ seed: 1, startMs: 1.5 })).toThrow(/startMs/);
  });

  it("returns nothing for a time in the past and keeps a partial step for the next call", () => {
    const sim = simulator();
    expect(sim.advance(T0 - 1000)).toEqual([]);
    sim.advance(T0 + 1100);
    expect(sim.now).toBe(T0 + 1000);
  });
});

describe("tasks", () => {
  it("arrives at about the configured rate with the configured priority mix", () => {
    const sim = simulator({ arrivalRatePerSec: 4, agentCount: 20, totalQuotas: 20 });
    runUntil(sim, 600);
    const { arrived } = sim.snapshot().counters;
    expect(arrived).toBeGreaterThan(4 * 600 * 0.93);
    expect(arrived).toBeLessThan(4 * 600 * 1.07);
  });

  it("dispatches the most urgent work first: waits grow with lower priority, CRITICAL never piles up", () => {
    const sim = simulator({ agentCount: 1, totalQuotas: 1, requiredQuorum: 1, concurrency: 1, arrivalRatePerSec: 0.5 });
    const starts = ofType(runUntil(sim, 900), "task_start");
    const meanWait = (p: string) => {
      const waits = starts.filter((e) => meta(e, "priority") === p).map((e) => meta(e, "queue_wait_ms") as number);
      return waits.reduce((s, w) => s + w, 0) / Math.max(1, waits.length);
    };
    const waits = ["CRITICAL", "HIGH", "MEDIUM"].map(meanWait);
    expect(waits[0]!).toBeLessThan(waits[1]!);
    expect(waits[1]!).toBeLessThan(waits[2]!);
    const queue = sim.snapshot().queue;
    expect(queue.pending).toBeGreaterThan(50);
    expect(queue.byPriority.CRITICAL).toBeLessThanOrEqual(1);
    expect(queue.byPriority.LOW + queue.byPriority.BACKGROUND).toBeGreaterThan(0);
  });

  it("never starts a task while a more urgent one stays queued", () => {
    const sim = simulator({ agentCount: 2, totalQuotas: 2, requiredQuorum: 1, concurrency: 1, arrivalRatePerSec: 1 });
    let checked = 0;
    for (let ms = T0 + 250; ms <= T0 + 600_000; ms += 250) {
      const starts = ofType(sim.advance(ms), "task_start");
      if (starts.length === 0) continue;
      const leastUrgent = Math.max(...starts.map((e) => PRIORITIES.indexOf(meta(e, "priority") as (typeof PRIORITIES)[number])));
      const queued = sim.snapshot().queue.byPriority;
      expect(PRIORITIES.slice(0, leastUrgent).map((p) => queued[p])).toEqual(PRIORITIES.slice(0, leastUrgent).map(() => 0));
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
    expect(sim.snapshot().queue.pending).toBeGreaterThan(20);
  });

  it("ends every task with task_complete, task_failed or task_timeout carrying duration, result and tokens", () => {
    const events = runUntil(simulator(), 300);
    const ends = events.filter((e) => ["task_complete", "task_failed", "task_timeout"].includes(e.type as string));
    expect(ends.length).toBeGreaterThan(500);
    for (const e of ends) {
      expect(e).toMatchObject({
        agent_id: expect.any(String),
        task_id: expect.any(String),
        duration_ms: expect.any(Number),
        tokens_used: expect.any(Number),
      });
      expect(e.result).toBe(e.type === "task_complete" ? "success" : e.type === "task_failed" ? "failure" : "timeout");
    }
    const failed = ofType(events, "task_failed").length / ends.length;
    expect(failed).toBeGreaterThan(0.005);
    expect(failed).toBeLessThan(0.08);
  });
});

describe("tokens", () => {
  it("consumes exactly the tokens the tasks report, on top of the initial usage", () => {
    const sim = simulator({ tokenBudget: 10_000_000, initialTokenUsage: 0.1 });
    const events = runUntil(sim, 300);
    const reported = events.filter((e) => typeof e.tokens_used === "number").reduce((s, e) => s + (e.tokens_used as number), 0);
    expect(sim.snapshot().tokens.consumed).toBe(1_000_000 + reported);
    const last = ofType(events, "resource_snapshot").at(-1);
    expect(meta(last, "tokens")).toMatchObject({ total_budget: 10_000_000, consumed: expect.any(Number), remaining: expect.any(Number) });
  });

  it("refills at each period boundary, or never when tokenRefillMs is null", () => {
    const usage = (refill: number | null) => {
      const events = runUntil(simulator({ tokenRefillMs: refill, initialTokenUsage: 0.5 }), 130);
      return ofType(events, "resource_snapshot").map((e) => (meta(e, "tokens") as { consumed: number }).consumed);
    };
    const refilled = usage(60_000);
    expect(refilled.some((c, i) => i > 0 && c < refilled[i - 1]!)).toBe(true);
    const never = usage(null);
    expect(never.every((c, i) => i === 0 || c >= never[i - 1]!)).toBe(true);
  });

  it("warns at 80 % and 90 %, signals exhaustion at 100 %, then dispatches only CRITICAL work", () => {
    const sim = simulator({ tokenBudget: 400_000, initialTokenUsage: 0.7, tokenRefillMs: null });
    const events = runUntil(sim, 200);
    expect(ofType(events, "token_warning").map((e) => e.severity)).toEqual(["medium", "high"]);
    const exhausted = ofType(events, "resource_exhaustion");
    expect(exhausted).toHaveLength(1);
    expect(exhausted[0]).toMatchObject({ resource_type: "tokens", limit: 400_000, severity: "critical" });
    const later = ofType(events, "task_start").filter((e) => (e.timestamp as number) > (exhausted[0]!.timestamp as number));
    expect(later.length).toBeGreaterThan(0);
    expect(later.every((e) => meta(e, "priority") === "CRITICAL")).toBe(true);
  });
});

describe("heartbeats and consensus", () => {
  it("heartbeats every 5 s per agent, healthy, with memory and load", () => {
    const events = runUntil(simulator(), 120);
    for (let i = 1; i <= 8; i++) {
      const beats = ofType(events, "heartbeat", `agent-0${i}`);
      const gaps = beats.slice(1).map((e, j) => (e.timestamp as number) - (beats[j]!.timestamp as number));
      expect(new Set(gaps)).toEqual(new Set([5000]));
      expect(beats.every((e) => e.health_state === "healthy" && typeof meta(e, "memory_usage_percent") === "number")).toBe(true);
    }
  });

  it("runs a successful round about every 10 s while the quorum is met", () => {
    const rounds = ofType(runUntil(simulator(), 300), "consensus_round");
    expect(rounds.length).toBeGreaterThanOrEqual(27);
    expect(rounds.every((e) => e.result === "success" && e.current_agents === 8 && e.required_quorum === 5)).toBe(true);
    const gaps = rounds.slice(1).map((e, i) => (e.timestamp as number) - (rounds[i]!.timestamp as number));
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(8_000);
    expect(Math.max(...gaps)).toBeLessThanOrEqual(12_000);
  });

  it.each([
    [7, "timeout", 0],
    [9, "failure", 1],
  ])(
    "with quorum %i of 4 voters: rounds end in %s (consensus_failed per round: %i), quorum_loss once",
    (quorum, result, failedPerRound) => {
      const events = runUntil(simulator({ agentCount: 4, requiredQuorum: quorum }), 120);
      const rounds = ofType(events, "consensus_round");
      expect(rounds.length).toBeGreaterThan(5);
      expect(rounds.every((e) => e.result === result)).toBe(true);
      expect(ofType(events, "consensus_failed")).toHaveLength(rounds.length * failedPerRound);
      expect(ofType(events, "quorum_loss")).toEqual([expect.objectContaining({ current_agents: 4, required_quorum: quorum })]);
    },
  );
});

describe("metrics and event shape", () => {
  const events = runUntil(simulator({ seed: 5 }), 600);

  it("samples resource_snapshot and queue_metric every 5 s and resource_metric every 10 s", () => {
    expect(ofType(events, "resource_snapshot")).toHaveLength(120);
    expect(ofType(events, "queue_metric")).toHaveLength(120);
    expect(ofType(events, "resource_metric")).toHaveLength(60);
    const snap = ofType(events, "resource_snapshot")[0]!;
    expect(meta(snap, "agents")).toMatchObject({ total_quotas: 16, active_agents: 8 });
    expect(Object.keys(meta(snap, "queue") as object)).toContain("by_priority");
    expect(Object.keys((meta(snap, "queue") as { by_priority: object }).by_priority)).toEqual([...PRIORITIES]);
    expect(Object.keys(ofType(events, "resource_metric")[0]!.metadata as object)).toEqual([
      "token_usage_percent",
      "memory_usage_percent",
      "queue_depth",
      "active_agents",
    ]);
  });

  it("passes the ingest validator, with unique sequential ids and non-decreasing timestamps", () => {
    const result = validateBatch(events, T0 + 600_000);
    expect(result.ok ? [] : result.errors).toEqual([]);
    expect(events.map((e) => e.id)).toEqual(events.map((_, i) => `5-${T0}-${i + 1}`));
    expect(events.every((e, i) => i === 0 || (e.timestamp as number) >= (events[i - 1]!.timestamp as number))).toBe(true);
    expect(events.every((e) => Number.isInteger(e.timestamp))).toBe(true);
  });

  it("stays calm without a fault: no backlog, no warnings, no timeouts", () => {
    for (const type of [
      "heartbeat_failed",
      "agent_down",
      "token_warning",
      "memory_pressure",
      "quorum_loss",
      "high_latency",
      "task_timeout",
    ]) {
      expect(ofType(events, type)).toEqual([]);
    }
    expect(Math.max(...ofType(events, "queue_metric").map((e) => meta(e, "queue_depth") as number))).toBeLessThan(50);
  });
});
