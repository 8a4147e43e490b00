// The swarm list's live patch: a tick with events moves `last_event_at` on (the swarm is no longer silent); a tick
// without events leaves it, so the card's silence keeps growing.
import { QueryClient } from "@tanstack/react-query";
import { expect, it } from "vitest";
import type { MetricsTick } from "@/lib/contract/items/metrics";
import { keys } from "./keys";
import { applyTick, type SwarmSummary } from "./swarms";

const AT = Date.parse("2026-12-07T12:00:00.000Z");
const listed: SwarmSummary = {
  name: "s",
  health_score: null,
  health: null,
  status: "silent",
  agents: 0,
  created_at: "2026-12-01T00:00:00.000Z",
  events_per_s: 0,
  events_total: 10,
  last_event_at: "2026-12-07T11:50:00.000Z",
};
const tick = (events_per_s: number): MetricsTick =>
  ({
    swarm: "s",
    at: AT,
    events_per_s,
    events_total: 10,
    active_agents: 0,
    queue_depth: null,
    token_usage: null,
    health_score: null,
    health: null,
    latency_ms: null,
  }) as MetricsTick;

it.each([
  ["a tick with events moves last_event_at to the tick", 2.5, "2026-12-07T12:00:00.000Z"],
  ["a tick without events keeps the stored last_event_at", 0, "2026-12-07T11:50:00.000Z"],
])("%s", (_, rate, last) => {
  const client = new QueryClient();
  client.setQueryData(keys.swarms(), [listed]);
  applyTick(client, tick(rate));
  expect(client.getQueryData<SwarmSummary[]>(keys.swarms())?.[0]?.last_event_at).toBe(last);
});
