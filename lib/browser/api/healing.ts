"use client";
// Healing screen data: the filtered, cursor-paged history, strategy effectiveness and the MTTR series.
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { type ChartWindow, type RangeSelection, resolveRange } from "@/lib/browser/view/charts/time-range";
import type { MttrPoint, StrategyEffectiveness } from "@/lib/contract/items/analytics";
import type { HealingItem } from "@/lib/contract/items/healings";
import type { Page } from "@/lib/contract/items/page";
import { apiFetch } from "./api-fetch";
import type { HealingFilters } from "./healing-filters";
import { keys } from "./keys";

/** One page of GET /healings. */
export type HealingPage = Page<HealingItem>;

const base = (swarm: string) => `/api/v1/swarms/${encodeURIComponent(swarm)}`;
const PAGE_SIZE = 25;

/** The healing history matching `filters`, newest first, a page at a time ("Load more" fetches the next). */
export function useHealings(swarm: string, filters: HealingFilters) {
  return useInfiniteQuery({
    queryKey: keys.healingHistory(swarm, filters),
    queryFn: ({ pageParam, signal }) => {
      const qs = new URLSearchParams({ limit: String(PAGE_SIZE), ...filters, ...(pageParam ? { cursor: pageParam } : {}) });
      return apiFetch<HealingPage>(`${base(swarm)}/healings?${qs}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
}

/** Success rate, counts, trend and verdict per strategy over the last 30 days. */
export function useStrategies(swarm: string) {
  return useQuery({
    queryKey: keys.strategies(swarm),
    queryFn: ({ signal }) => apiFetch<StrategyEffectiveness[]>(`${base(swarm)}/analytics/strategies?range=30d`, { signal }),
  });
}

/** The MTTR series of a range with the window it was read for (a preset's window is resolved at each fetch). */
export function useMttrSeries(swarm: string, range: RangeSelection) {
  return useQuery({
    queryKey: keys.mttr(swarm, range),
    queryFn: async ({ signal }): Promise<{ window: ChartWindow; points: MttrPoint[] }> => {
      const window = resolveRange(range, Date.now());
      const qs = new URLSearchParams({ from: String(window.from), to: String(window.to), bucket: window.bucket });
      return { window, points: await apiFetch<MttrPoint[]>(`${base(swarm)}/analytics/mttr?${qs}`, { signal }) };
    },
    placeholderData: keepPreviousData,
  });
}
