// The healing table's filters as URL query parameters (so they survive a reload) and as API query parameters.

/** What started a healing. */
export const HEALING_TRIGGERS = ["detected", "preventive", "manual"] as const;
/** A healing's status (its outcome once finished). */
export const HEALING_STATUSES = ["pending", "running", "succeeded", "failed", "cancelled"] as const;
/** The strategies the engine registers by default (the filter also lists any other seen in the swarm's results). */
export const KNOWN_STRATEGIES = [
  "AgentRestartStrategy",
  "TaskRetryStrategy",
  "ResourceRebalanceStrategy",
  "QuorumRecoveryStrategy",
  "DynamicScalingStrategy",
  "GradualDegradationStrategy",
  "PreemptiveLoadShedStrategy",
  "CircuitBreakerStrategy",
  "CompositeHealingStrategy",
] as const;
/** The failure types the engine detects or predicts (the filter also accepts any other from the URL). */
export const FAILURE_TYPES = ["agent_down", "task_failed", "task_timeout", "resource_exhaustion", "quorum_loss"] as const;

/** The table's filters; an absent key means "all". */
export type HealingFilters = {
  strategy?: string;
  failure_type?: string;
  trigger?: (typeof HEALING_TRIGGERS)[number];
  status?: (typeof HEALING_STATUSES)[number];
};

const KEYS = ["strategy", "failure_type", "trigger", "status"] as const;
const NAME = /^[A-Za-z0-9_.-]{1,64}$/;
const oneOf = <T extends string>(list: readonly T[], v: string | null): T | undefined => list.find((x) => x === v);

/** Reads the filters from a query string, dropping values the API would reject. */
export function parseHealingFilters(params: URLSearchParams): HealingFilters {
  const name = (k: string) => {
    const v = params.get(k);
    return v && NAME.test(v) ? v : undefined;
  };
  const f = {
    strategy: name("strategy"),
    failure_type: name("failure_type"),
    trigger: oneOf(HEALING_TRIGGERS, params.get("trigger")),
    status: oneOf(HEALING_STATUSES, params.get("status")),
  };
  return Object.fromEntries(Object.entries(f).filter(([, v]) => v !== undefined)) as HealingFilters;
}

/** Writes the filters into `base` (other parameters kept), removing the empty (or undefined: cleared) ones. */
export function withHealingFilters(
  base: URLSearchParams,
  filters: { [K in keyof HealingFilters]?: HealingFilters[K] | undefined },
): URLSearchParams {
  const out = new URLSearchParams(base);
  for (const k of KEYS) {
    const v = filters[k];
    if (v) out.set(k, v);
    else out.delete(k);
  }
  return out;
}
