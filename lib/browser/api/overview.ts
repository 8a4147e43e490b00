"use client";
// Overview queries: the live tick and its recent series (fed only by the socket), active bottlenecks and recent
// healings (fetched, then patched by the socket).
import { skipToken, useQuery } from "@tanstack/react-query";
import type { MetricsTick } from "@/lib/contract/items/metrics";
import { apiFetch } from "./api-fetch";
import { keys } from "./keys";
import type { TickPoint } from "./tick-buffer";
import { RECENT_HEALINGS } from "./cache-patches";
import type { BottleneckItem, HealingItem, IncidentItem, Page } from "./types";

const swarmPath = (swarm: string) => `/api/v1/swarms/${encodeURIComponent(swarm)}`;

/** The swarm's latest metrics tick (from the subscribe snapshot, then every tick). */
export function useLiveTick(swarm: string) {
  return useQuery<MetricsTick>({ queryKey: keys.live(swarm), queryFn: skipToken, staleTime: Infinity, gcTime: Infinity });
}

/** The last ~5 minutes of ticks, for the sparklines. */
export function useTickSeries(swarm: string) {
  return useQuery<TickPoint[]>({ queryKey: keys.series(swarm), queryFn: skipToken, staleTime: Infinity, gcTime: Infinity });
}

/** Active bottlenecks, newest first; live events add, update and remove them. */
export function useActiveBottlenecks(swarm: string) {
  return useQuery({
    queryKey: keys.bottlenecks(swarm),
    queryFn: async () => (await apiFetch<Page<BottleneckItem>>(`${swarmPath(swarm)}/bottlenecks?status=active&limit=100`)).items,
    staleTime: Infinity,
  });
}

/** Open incidents (each fault and how it is handled now), newest first; incident.updated keeps them current. */
export function useOpenIncidents(swarm: string) {
  return useQuery({
    queryKey: keys.incidents(swarm),
    queryFn: async () => (await apiFetch<Page<IncidentItem>>(`${swarmPath(swarm)}/incidents?state=open&limit=100`)).items,
    staleTime: Infinity,
  });
}

/** The most recent healings with their commands; live events keep them current. */
export function useRecentHealings(swarm: string) {
  return useQuery({
    queryKey: keys.healings(swarm),
    queryFn: async () => (await apiFetch<Page<HealingItem>>(`${swarmPath(swarm)}/healings?limit=${RECENT_HEALINGS}`)).items,
    staleTime: Infinity,
    // A running healing shows its first command within a moment of starting; one still without any after a live
    // message was missed is read again every 2 s until it has one, so the screen never stays behind storage.
    refetchInterval: (q) => (awaitingCommand(q.state.data) ? 2_000 : false),
  });
}

/** Whether a running healing in the list has no command yet. */
export const awaitingCommand = (list: readonly HealingItem[] | undefined): boolean =>
  list?.some((h) => h.status === "running" && h.commands.length === 0) ?? false;
