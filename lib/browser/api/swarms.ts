"use client";
// Swarm list query and the live patch applied by `metrics.tick`.
import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { MetricsTick } from "@/lib/contract/items/metrics";
import type { SwarmListItem } from "@/lib/contract/items/swarms";
import { apiFetch } from "./api-fetch";
import { keys } from "./keys";

/** One row of GET /api/v1/swarms (live figures patched in by ticks). */
export type SwarmSummary = SwarmListItem;

/** The swarm list (live figures are patched in by the socket). */
export function useSwarms() {
  return useQuery({ queryKey: keys.swarms(), queryFn: () => apiFetch<SwarmSummary[]>("/api/v1/swarms"), refetchInterval: 30_000 });
}

/** Applies a metrics tick (or subscribe snapshot) to the cached swarm list. */
export function applyTick(client: QueryClient, tick: MetricsTick): void {
  client.setQueryData<SwarmSummary[]>(keys.swarms(), (list) =>
    list?.map((s) =>
      s.name === tick.swarm
        ? {
            ...s,
            events_per_s: tick.events_per_s,
            events_total: tick.events_total,
            last_event_at: tick.events_per_s > 0 ? new Date(tick.at).toISOString() : s.last_event_at,
            agents: tick.active_agents,
            health_score: tick.health_score,
            health: tick.health,
            status: tick.events_per_s > 0 || tick.active_agents > 0 ? "active" : s.status === "new" ? "new" : "idle",
          }
        : s,
    ),
  );
}
