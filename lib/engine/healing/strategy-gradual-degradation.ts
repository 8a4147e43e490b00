// GradualDegradationStrategy (docs/engine.md#s-9-2, docs/decisions.md#d20): steps the swarm's service level with resource pressure.
import { act, capMap, decline, type HealingStrategy } from "./strategy";
import type { CommandSpec } from "./types";
import { DEGRADATION_LEVELS, levelForUsage, usagePercentOf, type DegradationLevel } from "./strategy-degradation-levels";
import { resourceTypeOf } from "./strategy-resource-rebalance";

/** Options: stability window for verification and the number of resource types tracked. */
export type GradualDegradationOptions = { stableWindowMs: number; maxResources: number };

/** The commands that move the swarm to a level (pure). */
export function degradationCommands(level: DegradationLevel, resourceType: string): CommandSpec[] {
  return [
    {
      kind: "set_degradation",
      params: {
        level: level.level,
        level_name: level.name,
        resource_type: resourceType,
        capacity_percent: level.capacityPercent,
        timeout_multiplier: level.timeoutMultiplier,
        quality_threshold: level.qualityThreshold,
        disabled_features: level.disabledFeatures,
      },
    },
    { kind: "set_concurrency", params: { limit: level.concurrencyLimit } },
  ];
}

const full = (): DegradationLevel => DEGRADATION_LEVELS[0]!;

/** Back up from a level step by step, one level per `stepMs`, to FULL (FULL itself re-asserts FULL) (pure). */
export function degradationRestore(level: DegradationLevel, resourceType: string, stepMs: number): CommandSpec[] {
  const targets = level.level === 0 ? [0] : Array.from({ length: level.level }, (_, i) => level.level - 1 - i);
  return targets.flatMap((l, i) => {
    const [degrade, ...rest] = degradationCommands(DEGRADATION_LEVELS[l] ?? full(), resourceType);
    return degrade ? [{ ...degrade, delayMs: i === 0 ? 0 : stepMs }, ...rest] : rest;
  });
}

/** The strategy with read access to the level per resource type, and the swarm's most degraded level overall. */
export type GradualDegradation = HealingStrategy & { levelOf(resourceType: string): DegradationLevel; current(): DegradationLevel };

/**
 * Creates a GradualDegradationStrategy; the level is tracked per resource type and changes only when the target differs.
 * Its restore steps the level back up to FULL, one level per stability window, once the resource has stayed recovered.
 */
export function gradualDegradationStrategy(options: Partial<GradualDegradationOptions> = {}): GradualDegradation {
  const o = { stableWindowMs: 30_000, maxResources: 100, ...options };
  const failureTypes = [
    "resource_exhaustion",
    "token_exhaustion",
    "quota_exceeded",
    "memory_exhaustion",
    "memory_pressure",
    "high_latency",
  ];
  const levels = new Map<string, DegradationLevel>();
  return {
    name: "GradualDegradationStrategy",
    failureTypes,
    canHeal: (f) => failureTypes.includes(f.failureType),
    plan(f, { view }) {
      const resourceType = resourceTypeOf(f);
      const usage = usagePercentOf(f) ?? view.resourcePercent(resourceType) ?? 0;
      const target = levelForUsage(usage);
      const current = levels.get(resourceType) ?? full();
      if (target.level === current.level) return decline(`already at ${current.name} for ${resourceType} (usage ${usage.toFixed(1)}%)`);
      levels.delete(resourceType);
      levels.set(resourceType, target);
      capMap(levels, o.maxResources);
      return act(
        degradationCommands(target, resourceType),
        { kind: "stable", windowMs: o.stableWindowMs, condition: { kind: "resource_below", resourceType, percent: 90 } },
        [`${resourceType} usage ${usage.toFixed(1)}%: ${current.name} → ${target.name}`],
        degradationRestore(target, resourceType, o.stableWindowMs),
      );
    },
    restored(spec) {
      const { level, resource_type: resourceType } = spec.params;
      if (spec.kind !== "set_degradation" || typeof resourceType !== "string" || typeof level !== "number") return;
      levels.delete(resourceType);
      if (level > 0) levels.set(resourceType, DEGRADATION_LEVELS[level] ?? full());
    },
    levelOf: (resourceType) => levels.get(resourceType) ?? full(),
    current: () => [...levels.values()].reduce((worst, l) => (l.level > worst.level ? l : worst), full()),
    memorySize: () => levels.size,
  };
}
