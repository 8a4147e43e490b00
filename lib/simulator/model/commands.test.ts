// Coordinator commands: their effects on the model, parameter checks, and idempotency by command id.
import { describe, expect, it } from "vitest";
import type { SwarmSimulator } from "./simulator";
import { after, meta, ofType, runUntil, simulator, T0 } from "./test-support";
import type { CommandOutcome } from "./types";

let seq = 0;
/** Executes a command with a fresh id at `sec` seconds after T0. */
const run = (sim: SwarmSimulator, sec: number, kind: string, params: Record<string, unknown> = {}): CommandOutcome =>
  sim.execute({ id: `cmd-${++seq}`, kind, params }, T0 + sec * 1000);

describe("idempotency and validation", () => {
  it("returns the first result for a repeated id without acting again", () => {
    const sim = simulator();
    runUntil(sim, 10);
    const command = { id: "scale-once", kind: "scale_agents", params: { delta: 2 } };
    const first = sim.execute(command, T0 + 10_000);
    expect(first).toEqual({ status: "succeeded", detail: "adding agent-09, agent-10" });
    expect(sim.execute(command, T0 + 11_000)).toEqual(first);
    expect(sim.execute({ ...command, params: { delta: 5 } }, T0 + 12_000)).toEqual(first);
    expect(ofType(runUntil(sim, 20), "agent_registered").map((e) => e.agent_id)).toEqual(["agent-09", "agent-10"]);
  });

  it("does not restart an agent twice for one command id, even after it crashed again", () => {
    const sim = simulator();
    runUntil(sim, 10);
    sim.inject("agent_crash", T0 + 10_000, "agent-03");
    runUntil(sim, 30);
    const restart = { id: "restart-3", kind: "restart_agent", params: { agent_id: "agent-03" } };
    expect(sim.execute(restart, T0 + 30_000).status).toBe("succeeded");
    runUntil(sim, 40);
    sim.inject("agent_crash", T0 + 40_000, "agent-03");
    runUntil(sim, 60);
    expect(sim.execute(restart, T0 + 60_000).status).toBe("succeeded");
    expect(ofType(runUntil(sim, 70), "agent_registered", "agent-03")).toEqual([]);
    expect(sim.snapshot().agents.list.find((a) => a.id === "agent-03")?.state).toBe("down");
  });

  it.each([
    [{ id: "", kind: "resume_tasks", params: {} }, "command id is required"],
    [{ id: "x1", kind: "reboot_universe", params: {} }, 'unknown command kind "reboot_universe"'],
    [{ id: "x2", kind: "restart_agent", params: { agent_id: "agent-77" } }, "unknown agent agent-77"],
    [
      { id: "x3", kind: "pause_tasks", params: { max_priority: "URGENT" } },
      "max_priority must be one of CRITICAL, HIGH, MEDIUM, LOW, BACKGROUND",
    ],
    [{ id: "x4", kind: "set_concurrency", params: { limit: 0 } }, "limit must be an integer in 1..64 or null"],
    [{ id: "x5", kind: "scale_agents", params: { delta: 0 } }, "delta must be a non-zero integer in -100..100"],
    [{ id: "x6", kind: "set_degradation", params: { level: 7 } }, "level must be an integer in 0..4"],
    [{ id: "x7", kind: "retry_task", params: { task_id: "task-nope" } }, "unknown or finished task task-nope"],
    [{ id: "x8", kind: "drain_agent", params: {} }, "unknown agent undefined"],
  ])("fails %o with a reason", (command, detail) => {
    const sim = simulator();
    runUntil(sim, 10);
    expect(sim.execute(command, T0 + 10_000)).toEqual({ status: "failed", detail });
  });
});

describe("agents", () => {
  it("restart_agent brings a down agent back: it registers after the restart delay and heartbeats every 5 s", () => {
    const sim = simulator();
    runUntil(sim, 20);
    sim.inject("agent_crash", T0 + 20_000, "agent-03");
    expect(ofType(runUntil(sim, 40), "agent_down", "agent-03")).toHaveLength(1);
    expect(run(sim, 40, "restart_agent", { agent_id: "agent-03" })).toEqual({
      status: "succeeded",
      detail: "restarting agent-03; it re-registers in 2000 ms",
    });
    const events = runUntil(sim, 100);
    const registered = ofType(events, "agent_registered", "agent-03");
    expect(registered).toEqual([expect.objectContaining({ timestamp: T0 + 42_000, metadata: { concurrency_limit: 2, restart: true } })]);
    const beats = ofType(events, "heartbeat", "agent-03").map((e) => e.timestamp);
    expect(beats).toEqual(Array.from({ length: 12 }, (_, i) => T0 + 42_000 + i * 5000));
    expect([...ofType(events, "heartbeat_failed", "agent-03"), ...ofType(events, "agent_down", "agent-03")]).toEqual([]);
    expect(ofType(events, "task_start", "agent-03").length).toBeGreaterThan(0);
    expect(sim.snapshot().faults).toEqual([]);
  });

  it("restart_agent of a crashed agent not yet declared down puts its stuck tasks back in the queue", () => {
    const sim = simulator({ seed: 3 });
    runUntil(sim, 30);
    sim.inject("agent_crash", T0 + 30_000, "agent-01");
    const stuck = ofType(runUntil(sim, 35), "task_start", "agent-01").map((e) => e.task_id);
    const running = sim.snapshot().agents.list.find((a) => a.id === "agent-01")!.runningTasks;
    expect(running).toBeGreaterThan(0);
    expect(run(sim, 35, "restart_agent", { agent_id: "agent-01" }).status).toBe("succeeded");
    const restarted = ofType(runUntil(sim, 40), "task_start").filter((e) => meta(e, "attempt") === 2);
    expect(restarted).toHaveLength(running);
    expect(stuck.filter((id) => restarted.some((e) => e.task_id === id))).toHaveLength(Math.min(stuck.length, running));
  });

  it("scale_agents adds agents up to the quota, reports quota_exceeded beyond it, and removes agents", () => {
    const sim = simulator();
    runUntil(sim, 10);
    expect(run(sim, 10, "scale_agents", { delta: 50, reason: "queue" })).toEqual({
      status: "succeeded",
      detail: "adding agent-09, agent-10, agent-11, agent-12, agent-13, agent-14, agent-15, agent-16 (8 of 50: quota 16)",
    });
    const events = runUntil(sim, 20);
    expect(ofType(events, "quota_exceeded")).toEqual([
      expect.objectContaining({
        resource_type: "agents",
        current_usage: 8,
        limit: 16,
        severity: "high",
        metadata: { requested: 50, granted: 8, reason: "queue" },
      }),
    ]);
    expect(ofType(events, "agent_registered")).toHaveLength(8);
    expect(run(sim, 20, "scale_agents", { delta: 1 })).toEqual({ status: "failed", detail: "agent quota full (16/16)" });
    expect(run(sim, 21, "scale_agents", { delta: -3 }).status).toBe("succeeded");
    const later = runUntil(sim, 60);
    expect(ofType(later, "agent_unregistered")).toHaveLength(3);
    expect(sim.snapshot().agents.total).toBe(13);
  });

  it("scale_agents replaces agents declared down when the registry is full", () => {
    const sim = simulator({ agentCount: 4, totalQuotas: 4, requiredQuorum: 3 });
    runUntil(sim, 10);
    sim.inject("agent_crash", T0 + 10_000, "agent-02");
    runUntil(sim, 30);
    expect(run(sim, 30, "scale_agents", { delta: 1 }).detail).toBe("adding agent-05");
    const events = runUntil(sim, 40);
    expect(ofType(events, "agent_unregistered")).toEqual([
      expect.objectContaining({ agent_id: "agent-02", metadata: { reason: "replaced" } }),
    ]);
    expect(sim.snapshot().agents.list.map((a) => a.id)).toEqual(["agent-01", "agent-03", "agent-04", "agent-05"]);
  });

  it("drain_agent stops new work for the agent while its running tasks finish", () => {
    const sim = simulator();
    runUntil(sim, 30);
    expect(run(sim, 30, "drain_agent", { agent_id: "agent-01" }).status).toBe("succeeded");
    const events = runUntil(sim, 90);
    expect(ofType(events, "task_start", "agent-01")).toEqual([]);
    expect(sim.snapshot().agents.list[0]).toMatchObject({ id: "agent-01", state: "draining", runningTasks: 0 });
    expect(run(sim, 90, "drain_agent", { agent_id: "agent-01" }).detail).toBe("agent-01 is already draining");
  });

  it("set_concurrency changes one agent's limit or everyone's, and null restores the default", () => {
    const sim = simulator();
    runUntil(sim, 10);
    expect(run(sim, 10, "set_concurrency", { agent_id: "agent-02", limit: 1 }).detail).toBe("concurrency 1 for agent-02");
    expect(run(sim, 10, "set_concurrency", { limit: 4 }).detail).toBe("concurrency 4 for all 8 agents");
    expect(sim.snapshot().agents.list.map((a) => a.concurrencyLimit)).toEqual([4, 4, 4, 4, 4, 4, 4, 4]);
    run(sim, 10, "set_concurrency", { agent_id: "agent-02", limit: 1 });
    run(sim, 10, "scale_agents", { delta: 1 });
    runUntil(sim, 20);
    expect(sim.snapshot().agents.list.map((a) => a.concurrencyLimit)).toEqual([4, 1, 4, 4, 4, 4, 4, 4, 4]);
    run(sim, 20, "set_concurrency", { limit: null });
    expect(sim.snapshot().agents.list.every((a) => a.concurrencyLimit === 2)).toBe(true);
  });
});

describe("tasks", () => {
  it("retry_task re-queues a failed task at the head of its lane, optionally for one agent", () => {
    const sim = simulator({ seed: 2 });
    const failed = ofType(runUntil(sim, 120), "task_failed");
    expect(failed.length).toBeGreaterThanOrEqual(2);
    const [a, b] = failed.map((e) => e.task_id as string);
    expect(run(sim, 120, "retry_task", { task_id: a }).status).toBe("succeeded");
    expect(run(sim, 120, "retry_task", { task_id: b, agent_id: "agent-05" }).detail).toMatch(/for agent-05$/);
    const events = runUntil(sim, 150);
    expect(ofType(events, "task_start").find((e) => e.task_id === a)).toMatchObject({ metadata: { attempt: 2 } });
    expect(ofType(events, "task_start").find((e) => e.task_id === b)).toMatchObject({ agent_id: "agent-05", metadata: { attempt: 2 } });
  });

  it("reassign_task moves a running task to another agent", () => {
    const sim = simulator({ seed: 2 });
    const events30 = runUntil(sim, 31);
    const ended = new Set(events30.filter((e) => e.type !== "task_start").map((e) => e.task_id));
    const running = ofType(events30, "task_start").filter((e) => e.agent_id !== "agent-06" && !ended.has(e.task_id));
    expect(running.length).toBeGreaterThan(0);
    const taskId = running[0]!.task_id;
    expect(run(sim, 31, "reassign_task", { task_id: taskId, to_agent_id: "agent-06" })).toEqual({
      status: "succeeded",
      detail: `task ${String(taskId)} reassigned to agent-06`,
    });
    const events = runUntil(sim, 90);
    const lifecycle = events.filter((e) => e.task_id === taskId).map((e) => [e.type, e.agent_id]);
    expect(lifecycle[0]).toEqual(["task_start", "agent-06"]);
    expect(lifecycle.filter(([, agent]) => agent !== "agent-06")).toEqual([]);
    expect(run(sim, 90, "reassign_task", { task_id: taskId, to_agent_id: "agent-99" }).status).toBe("failed");
  });

  it("pause_tasks LOW stops LOW and BACKGROUND dispatch so the higher lanes drain; resume_tasks restarts it", () => {
    const sim = simulator({ schedule: [{ at: 10_000, scenario: "queue_flood", durationMs: 120_000 }] });
    const before = runUntil(sim, 40);
    expect(ofType(before, "task_start").some((e) => ["LOW", "BACKGROUND"].includes(meta(e, "priority") as string))).toBe(true);
    expect(run(sim, 40, "pause_tasks", { max_priority: "LOW" })).toEqual({
      status: "succeeded",
      detail: "dispatch paused for LOW, BACKGROUND",
    });
    for (let sec = 45; sec <= 120; sec += 5) {
      const starts = ofType(runUntil(sim, sec), "task_start");
      expect(starts.filter((e) => ["LOW", "BACKGROUND"].includes(meta(e, "priority") as string))).toEqual([]);
      const q = sim.snapshot().queue;
      expect(q.byPriority.CRITICAL + q.byPriority.HIGH + q.byPriority.MEDIUM).toBeLessThanOrEqual(3);
    }
    const paused = sim.snapshot().queue;
    expect(paused.paused).toEqual(["LOW", "BACKGROUND"]);
    expect(paused.byPriority.LOW + paused.byPriority.BACKGROUND).toBeGreaterThan(200);
    expect(run(sim, 120, "resume_tasks").detail).toBe("dispatch resumed for LOW, BACKGROUND");
    expect(ofType(runUntil(sim, 125), "task_start").filter((e) => meta(e, "priority") === "LOW").length).toBeGreaterThan(0);
  });

  it("set_degradation lowers token spend per task and drops BACKGROUND work", () => {
    const spend = (level: number) => {
      const sim = simulator({ seed: 6 });
      runUntil(sim, 30);
      run(sim, 30, "set_degradation", { level });
      const events = after(runUntil(sim, 200), 31);
      const completes = ofType(events, "task_complete");
      return { perTask: completes.reduce((s, e) => s + (e.tokens_used as number), 0) / completes.length, events, snap: sim.snapshot() };
    };
    const full = spend(0);
    const half = spend(2);
    expect(half.perTask / full.perTask).toBeGreaterThan(0.4);
    expect(half.perTask / full.perTask).toBeLessThan(0.6);
    expect(ofType(half.events, "task_start").filter((e) => meta(e, "priority") === "BACKGROUND")).toEqual([]);
    expect(half.snap.queue.byPriority.BACKGROUND).toBe(0);
    expect(half.snap.counters.dropped).toBeGreaterThan(0);
    expect(half.snap.tokens.degradationLevel).toBe(2);
  });
});
