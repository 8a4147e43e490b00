// Query keys of the healing screen, exported so the live socket can invalidate them:
// `healing.started` / `healing.finished` → healingKeys.all(swarm) (list, strategies and MTTR series).
import type { RangeSelection } from "@/lib/browser/view/charts/time-range";
import type { HealingFilters } from "./healing-filters";

/** Key factories of one swarm's healing data; every key starts with `all(swarm)`. */
export const healingKeys = {
  all: (swarm: string) => ["swarm", swarm, "healings"] as const,
  list: (swarm: string, filters: HealingFilters) => [...healingKeys.all(swarm), "list", filters] as const,
  strategies: (swarm: string) => [...healingKeys.all(swarm), "strategies"] as const,
  mttr: (swarm: string, range: RangeSelection) => [...healingKeys.all(swarm), "mttr", range] as const,
};
