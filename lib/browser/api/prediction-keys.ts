// Query keys of the predictions screen, exported so the live socket can invalidate them:
// `prediction.created` / `prediction.updated` → predictionKeys.all(swarm); learned patterns change with the
// engine's learning, not with an event, and are refreshed by polling.
import type { RangePreset } from "@/lib/browser/view/charts/time-range";
import type { PredictionFilters } from "./prediction-filters";

/** Key factories of one swarm's prediction data; every prediction key starts with `all(swarm)`. */
export const predictionKeys = {
  all: (swarm: string) => ["swarm", swarm, "predictions"] as const,
  list: (swarm: string, filters: PredictionFilters) => [...predictionKeys.all(swarm), "list", filters] as const,
  quality: (swarm: string, range: RangePreset) => [...predictionKeys.all(swarm), "quality", range] as const,
  leadTimes: (swarm: string, range: RangePreset) => [...predictionKeys.all(swarm), "lead-times", range] as const,
  patterns: (swarm: string) => ["swarm", swarm, "patterns"] as const,
};
