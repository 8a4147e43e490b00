// engine.agents(swarm): per-agent state, results, heartbeat, p95 and circuit, plus the swarm's degradation level.
import { describe, expect, it } from "vitest";
import { p95 } from "./agent-roster";
import { manualClock } from "./model/clock";
import { createEngine } from "./engine";
import { circuitBreakerStrategy, createDefaultRegistry, type Failure, gradualDegradationStrategy } from "./healing";
import type { EngineEvent } from "./model/types";

const ids = () => {
  let n = 0;
  return () => `id-${++n}`;
};
const ev = (type: string, ts: number, agentId: string, data: Record<string, unknown> = {}): EngineEvent => ({
  id: `${type}-${ts}-${agentId}`,
  type,
  ts,
  agentId,
  taskId: data.task_id as string | undefined,
  data: { type, agent_id: agentId, ...data },
});

describe("p95", () => {
  it.each([
    [[], null],
    [[7], 7],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95],
    [[5, 1, 3, 2, 4], 5],
  ])("%j → %s", (values, expected) => expect(p95(values)).toBe(expected));
});

describe("engine.agents", () => {
  it("is empty for an unknown swarm", () => {
    expect(createEngine({ clock: manualClock(), newId: ids() }).agents("nope")).toEqual({ agents: [], degradation: null });
  });

  it("reports each agent's state, success rate, p95, heartbeat and reported health, sorted by id", () => {
    const t0 = 1_800_000_000_000;
    const engine = createEngine({ clock: manualClock(t0), newId: ids() });
    const events: EngineEvent[] = [ev("heartbeat", t0 - 5_000, "b", { health_state: "Degraded" })];
    for (let i = 0; i < 20; i++)
      events.push(
        ev("task_complete", t0 - 4_000 + i, "a", { task_id: `t${i}`, duration_ms: (i + 1) * 10, result: i < 15 ? "success" : "failure" }),
      );
    events.push(ev("task_start", t0 - 100, "a", { task_id: "busy-1" }));
    engine.ingest("s", events);
    const { agents, degradation } = engine.agents("s");
    expect(degradation).toBeNull();
    expect(agents.map((a) => a.id)).toEqual(["a", "b"]);
    expect(agents[0]).toMatchObject({
      state: "busy",
      currentTasks: 1,
      tasks: 20,
      successRate: 0.75,
      p95DurationMs: 190,
      lastHeartbeatAt: null,
      circuit: null,
      lastSeenAt: t0 - 100,
    });
    expect(agents[1]).toMatchObject({
      state: "active",
      tasks: 0,
      successRate: null,
      p95DurationMs: null,
      lastHeartbeatAt: t0 - 5_000,
      healthState: "degraded",
    });
  });

  it("shows the circuit breaker's state per agent and the degradation level when those strategies are configured", () => {
    const clock = manualClock(1_800_000_000_000);
    const breaker = circuitBreakerStrategy({ failureThreshold: 2 });
    const engine = createEngine({
      clock,
      newId: ids(),
      strategies: () => {
        const r = createDefaultRegistry();
        r.registerStrategy(breaker, ["circuit_test"]);
        r.registerStrategy(gradualDegradationStrategy(), ["resource_exhaustion"]);
        return r;
      },
    });
    const now = clock.now();
    engine.ingest("s", [ev("heartbeat", now, "ok"), ev("agent_failed", now, "bad")]);
    const failure = {
      id: "f",
      failureType: "agent_down",
      agentId: "bad",
      taskId: null,
      severity: "high",
      context: {},
      detectedAt: now,
      resolvedAt: null,
    } as Failure;
    for (let i = 0; i < 2; i++)
      breaker.plan(failure, {
        now,
        view: { agents: () => [], agentCount: () => 0, pendingByPriority: () => null, resourcePercent: () => null },
        trigger: "detected",
      });
    engine.ingest("s", [
      {
        id: "r",
        type: "resource_exhaustion",
        ts: now + 2,
        data: { type: "resource_exhaustion", resource_type: "tokens", current_usage: 96, limit: 100 },
      },
    ]);
    const roster = engine.agents("s");
    expect(Object.fromEntries(roster.agents.map((a) => [a.id, [a.state, a.circuit]]))).toEqual({
      bad: ["failed", "open"],
      ok: ["active", "closed"],
    });
    expect(roster.degradation).toEqual({ level: 2, name: "REDUCED_2" });
  });
});
