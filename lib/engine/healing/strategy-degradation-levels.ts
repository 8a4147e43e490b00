// Degradation levels (docs/engine.md#s-9-2) and the usage → level rule (docs/decisions.md#d20 derives usage_percent when absent).
import type { Failure } from "./types";

/** One degradation level's settings. */
export type DegradationLevel = {
  level: number;
  name: "FULL" | "REDUCED_1" | "REDUCED_2" | "REDUCED_3" | "MINIMAL";
  capacityPercent: number;
  timeoutMultiplier: number;
  qualityThreshold: number;
  disabledFeatures: string[];
  concurrencyLimit: number | null;
};

/** The five levels, FULL first. */
export const DEGRADATION_LEVELS: readonly DegradationLevel[] = [
  {
    level: 0,
    name: "FULL",
    capacityPercent: 100,
    timeoutMultiplier: 1.0,
    qualityThreshold: 0.95,
    disabledFeatures: [],
    concurrencyLimit: null,
  },
  {
    level: 1,
    name: "REDUCED_1",
    capacityPercent: 75,
    timeoutMultiplier: 0.8,
    qualityThreshold: 0.85,
    disabledFeatures: ["detailed_metrics", "verbose_logging"],
    concurrencyLimit: 10,
  },
  {
    level: 2,
    name: "REDUCED_2",
    capacityPercent: 50,
    timeoutMultiplier: 0.6,
    qualityThreshold: 0.75,
    disabledFeatures: ["detailed_metrics", "verbose_logging", "pattern_learning"],
    concurrencyLimit: 5,
  },
  {
    level: 3,
    name: "REDUCED_3",
    capacityPercent: 25,
    timeoutMultiplier: 0.4,
    qualityThreshold: 0.6,
    disabledFeatures: ["detailed_metrics", "verbose_logging", "pattern_learning", "analytics"],
    concurrencyLimit: 2,
  },
  {
    level: 4,
    name: "MINIMAL",
    capacityPercent: 10,
    timeoutMultiplier: 0.2,
    qualityThreshold: 0.5,
    disabledFeatures: ["detailed_metrics", "verbose_logging", "pattern_learning", "analytics", "optimization"],
    concurrencyLimit: 1,
  },
];

/** Target level for a usage in percent: ≥99 MINIMAL, ≥98 REDUCED_3, ≥95 REDUCED_2, ≥90 REDUCED_1, else FULL. */
export function levelForUsage(usagePercent: number): DegradationLevel {
  const index = usagePercent >= 99 ? 4 : usagePercent >= 98 ? 3 : usagePercent >= 95 ? 2 : usagePercent >= 90 ? 1 : 0;
  return DEGRADATION_LEVELS[index] ?? DEGRADATION_LEVELS[0]!;
}

/** usage_percent of a failure: the given value, else current_usage / limit × 100 (docs/decisions.md#d20), else null. */
export function usagePercentOf(f: Failure): number | null {
  const { usage_percent: given, current_usage: usage, limit } = f.context;
  if (typeof given === "number") return given;
  return typeof usage === "number" && typeof limit === "number" && limit > 0 ? (usage / limit) * 100 : null;
}
