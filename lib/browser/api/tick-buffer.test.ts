import { describe, expect, it } from "vitest";
import type { MetricsTick } from "@/lib/contract/items/metrics";
import { appendTick, SERIES_WINDOW_MS } from "./tick-buffer";

const tick = (at: number, eps = 1, latency: number | null = 10): MetricsTick => ({
  swarm: "s",
  at,
  events_per_s: eps,
  events_total: 0,
  active_agents: 0,
  queue_depth: null,
  token_usage: null,
  health_score: null,
  health: null,
  latency_ms: latency,
  stale: false,
  last_event_at: null,
});

describe("appendTick", () => {
  it("appends in order and keeps the window", () => {
    let s = appendTick(undefined, tick(0));
    for (let t = 1000; t <= SERIES_WINDOW_MS + 5000; t += 1000) s = appendTick(s, tick(t));
    expect(s[0]!.at).toBe(5000);
    expect(s.at(-1)!.at).toBe(SERIES_WINDOW_MS + 5000);
    expect(s).toHaveLength(SERIES_WINDOW_MS / 1000 + 1);
  });

  it("ignores a repeated or older tick (a subscribe snapshot after a live tick) without copying", () => {
    const s = appendTick(appendTick(undefined, tick(1000)), tick(2000));
    expect(appendTick(s, tick(2000, 99))).toBe(s);
    expect(appendTick(s, tick(500))).toBe(s);
  });

  it("keeps latency null when the tick has none", () => {
    expect(appendTick(undefined, tick(1, 2, null))).toEqual([{ at: 1, events_per_s: 2, latency_ms: null }]);
  });
});
