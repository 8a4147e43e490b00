"use client";
// The healings approved proposals started, by prediction id: looked up in the recent healings (patched live), else
// fetched once among the preventive healings started since the earliest such proposal was made (also patched live).
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { keys } from "./keys";
import { useRecentHealings } from "./overview";
import type { HealingItem, Page, PredictionItem } from "./types";

/** How many preventive healings one lookup reads. */
const LOOKUP_LIMIT = 100;
/** Slack before the proposal's time, should the engine's clock and the stored times disagree a little. */
const LOOKUP_SLACK_MS = 10 * 60_000;

/** The healings of `lists` carrying a prediction id of `ids`, the first list's version winning. */
export function healingsByPrediction(
  ids: ReadonlySet<string>,
  ...lists: readonly (readonly HealingItem[] | undefined)[]
): Map<string, HealingItem> {
  const found = new Map<string, HealingItem>();
  for (const list of lists)
    for (const h of list ?? [])
      if (h.prediction_id && ids.has(h.prediction_id) && !found.has(h.prediction_id)) found.set(h.prediction_id, h);
  return found;
}

/** The earliest `predicted_at` of the predictions, or null when none has one. */
export function earliestPredicted(predictions: readonly PredictionItem[]): string | null {
  const times = predictions.map((p) => p.predicted_at).filter((t): t is string => t !== null);
  return times.length === 0 ? null : times.reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}

/** The healing each approved prediction of `predictions` started, when known. */
export function useProposalHealings(swarm: string, predictions: readonly PredictionItem[]): Map<string, HealingItem> {
  const recent = useRecentHealings(swarm);
  const approved = predictions.filter((p) => p.status === "approved");
  const ids = new Set(approved.map((p) => p.id));
  const inRecent = healingsByPrediction(ids, recent.data);
  const from = earliestPredicted(approved.filter((p) => !inRecent.has(p.id)));
  const older = useQuery({
    queryKey: keys.proposalHealings(swarm, from ?? ""),
    queryFn: async ({ signal }) => {
      const qs = new URLSearchParams({
        trigger: "preventive",
        from: String(Date.parse(from!) - LOOKUP_SLACK_MS),
        limit: String(LOOKUP_LIMIT),
      });
      return (await apiFetch<Page<HealingItem>>(`/api/v1/swarms/${encodeURIComponent(swarm)}/healings?${qs}`, { signal })).items;
    },
    enabled: recent.isSuccess && from !== null,
    staleTime: Infinity,
  });
  return healingsByPrediction(ids, recent.data, older.data);
}
