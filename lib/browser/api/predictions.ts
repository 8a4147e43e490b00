"use client";
// Predictions screen data: quality figures of a range, lead times of correct predictions, the filtered list, learned patterns.
import { keepPreviousData, useInfiniteQuery, useQuery } from "@tanstack/react-query";
import { leadTimesOf } from "@/lib/browser/view/charts/lead-time-histogram";
import { RANGE_PRESETS, type RangePreset } from "@/lib/browser/view/charts/time-range";
import type { AnalyticsOverview } from "@/lib/contract/items/analytics";
import type { Page } from "@/lib/contract/items/page";
import type { LearnedPattern, PredictionItem } from "@/lib/contract/items/predictions";
import { apiFetch } from "./api-fetch";
import { PATTERNS_REFRESH_MS } from "./live-refresh";
import type { PredictionFilters } from "./prediction-filters";
import { keys } from "./keys";

/** One page of GET /predictions. */
export type PredictionPage = Page<PredictionItem>;

/** How many recent predictions the lead-time histogram reads at most. */
export const LEAD_TIME_SAMPLE = 1000;

const base = (swarm: string) => `/api/v1/swarms/${encodeURIComponent(swarm)}`;
const PAGE_SIZE = 25;

/** The `prediction` block of analytics/overview for a range. */
export function usePredictionQuality(swarm: string, range: RangePreset) {
  return useQuery({
    queryKey: keys.predictionQuality(swarm, range),
    queryFn: async ({ signal }) =>
      (await apiFetch<AnalyticsOverview>(`${base(swarm)}/analytics/overview?range=${range}`, { signal })).prediction,
    placeholderData: keepPreviousData,
  });
}

/** Lead times of the correct predictions made in the range (from the newest LEAD_TIME_SAMPLE predictions). */
export function useLeadTimes(swarm: string, range: RangePreset) {
  return useQuery({
    queryKey: keys.leadTimes(swarm, range),
    queryFn: async ({ signal }) => {
      const from = Date.now() - RANGE_PRESETS.find((p) => p.value === range)!.ms;
      const page = await apiFetch<PredictionPage>(`${base(swarm)}/predictions?status=all&from=${from}&limit=${LEAD_TIME_SAMPLE}`, {
        signal,
      });
      return leadTimesOf(page.items);
    },
    placeholderData: keepPreviousData,
  });
}

/** Every prediction matching `filters`, newest first, a page at a time. */
export function usePredictions(swarm: string, filters: PredictionFilters) {
  return useInfiniteQuery({
    queryKey: keys.predictions(swarm, filters),
    queryFn: ({ pageParam, signal }) => {
      const qs = new URLSearchParams({ status: filters.status, limit: String(PAGE_SIZE) });
      if (filters.min_confidence !== undefined) qs.set("min_confidence", String(filters.min_confidence));
      if (pageParam) qs.set("cursor", pageParam);
      return apiFetch<PredictionPage>(`${base(swarm)}/predictions?${qs}`, { signal });
    },
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next_cursor,
    placeholderData: keepPreviousData,
  });
}

/** The patterns the engine has learned for the swarm, most confident first. */
export function usePatterns(swarm: string) {
  return useQuery({
    queryKey: keys.patterns(swarm),
    queryFn: ({ signal }) => apiFetch<LearnedPattern[]>(`${base(swarm)}/patterns`, { signal }),
    refetchInterval: PATTERNS_REFRESH_MS,
  });
}
