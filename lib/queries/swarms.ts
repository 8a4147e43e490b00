"use client";
// Swarm list query and the live patch applied by `metrics.tick`.
import { type QueryClient, useQuery } from "@tanstack/react-query";
import type { HealthTerms, MetricsTick } from "@/lib/engine/types";
import { apiFetch } from "./api-fetch";
import { keys } from "./keys";

/** One row of GET /api/v1/swarms. */
export type SwarmSummary = {
  name: string;
  health_score: number | null;
  health: HealthTerms | null;
  status: "active" | "idle" | "new";
  agents: number;
  created_at: string;
  events_per_s: number;
  events_total: number;
};

/** The swarm list (live figures are patched in by the socket). */
export function useSwarms() {
  return useQuery({ queryKey: keys.swarms(), queryFn: () => apiFetch<SwarmSummary[]>("/api/v1/swarms") });
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
            agents: tick.active_agents,
            health_score: tick.health_score,
            health: tick.health,
            status: tick.events_per_s > 0 || tick.active_agents > 0 ? "active" : s.status === "new" ? "new" : "idle",
          }
        : s,
    ),
  );
}
