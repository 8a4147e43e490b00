// SwarmMetrics: rate window, totals, active agents and gauges, driven by explicit times.
import { describe, expect, it } from "vitest";
import type { EngineEvent } from "../model/types";
import { ACTIVE_AGENT_WINDOW_MS, RATE_WINDOW_MS, SwarmMetrics } from "./swarm-metrics";

const e = (type: string, extra: Partial<EngineEvent> = {}, data: Record<string, unknown> = {}): EngineEvent => ({
  id: Math.random().toString(36),
  type,
  ts: 0,
  data: { type, ...data },
  ...extra,
});
const many = (n: number, agentId?: string) => Array.from({ length: n }, () => e("heartbeat", agentId ? { agentId } : {}));

describe("SwarmMetrics", () => {
  it("averages events/s over the rate window and forgets older seconds", () => {
    const m = new SwarmMetrics("s");
    const t0 = 1_000_000;
    m.record(many(50), t0);
    expect(m.tick(t0).events_per_s).toBe(50 / (RATE_WINDOW_MS / 1000));
    expect(m.tick(t0 + RATE_WINDOW_MS + 1000).events_per_s).toBe(0);
    expect(m.tick(t0 + RATE_WINDOW_MS + 1000).events_total).toBe(50);
  });

  it("adds the seeded total from storage", () => {
    const m = new SwarmMetrics("s");
    m.seedTotal(1000);
    m.record(many(5), 0);
    expect(m.tick(0).events_total).toBe(1005);
  });

  it.each([
    [0, 2],
    [ACTIVE_AGENT_WINDOW_MS - 1, 2],
    [ACTIVE_AGENT_WINDOW_MS + 1, 1],
  ])("counts agents seen within the window (tick at +%i ms → %i active)", (dt, active) => {
    const m = new SwarmMetrics("s");
    m.record([...many(1, "a"), ...many(1, "b")], 0);
    m.record(many(1, "b"), ACTIVE_AGENT_WINDOW_MS / 2 + 2);
    expect(m.tick(dt).active_agents).toBe(active);
  });

  it.each([
    ["queue_metric", { metadata: { queue_depth: 42, high_priority_count: 3 } }, 42, null],
    ["resource_metric", { metadata: { token_usage_percent: 73.25, queue_depth: 7 } }, 7, 73.3],
    ["resource_snapshot", { metadata: { tokens: { total_budget: 1000, consumed: 250 }, queue: { pending_tasks: 9 } } }, 9, 25],
    ["heartbeat", { metadata: { queue_depth: 99 } }, null, null],
  ])("reads gauges from %s", (type, data, queue, tokens) => {
    const m = new SwarmMetrics("s");
    m.record([e(type, {}, data)], 0);
    expect(m.tick(0)).toMatchObject({ queue_depth: queue, token_usage: tokens });
  });

  it("averages the durations of tasks finished within the rate window", () => {
    const m = new SwarmMetrics("s");
    m.record(
      [
        e("task_complete", { agentId: "a" }, { duration_ms: 100 }),
        e("task_failed", { agentId: "a" }, { duration_ms: 300 }),
        e("heartbeat", { agentId: "a" }),
      ],
      0,
    );
    expect(m.tick(0).latency_ms).toBe(200);
    expect(m.tick(RATE_WINDOW_MS + 1000).latency_ms).toBeNull();
  });
});
