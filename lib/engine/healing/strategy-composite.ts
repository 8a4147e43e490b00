// CompositeHealingStrategy (docs/engine.md#seed-composite): children tried in priority order, falling back on failure.
import type { CompositeStrategy, HealingStrategy } from "./strategy";

/** One child with its priority (lower runs first). */
export type CompositeEntry = { priority: number; strategy: HealingStrategy };

/** Creates a composite: can heal when any child can; the healer runs children in order until one heals. */
export function compositeStrategy(
  entries: CompositeEntry[],
  failureTypes: readonly string[] = [],
  name = "CompositeHealingStrategy",
): CompositeStrategy {
  const children = [...entries].sort((a, b) => a.priority - b.priority).map((e) => e.strategy);
  return {
    name,
    failureTypes: failureTypes.length > 0 ? failureTypes : [...new Set(children.flatMap((c) => c.failureTypes))],
    children,
    canHeal: (f) => children.some((c) => c.canHeal(f)),
  };
}
