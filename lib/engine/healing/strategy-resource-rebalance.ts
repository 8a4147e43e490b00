// ResourceRebalanceStrategy (docs/engine.md#s-8-4, docs/decisions.md#d18): pause low-priority work and rebalance per resource type.
import { undoCommands } from "./restore-rules";
import { act, isPredicted, type HealingStrategy } from "./strategy";
import type { CommandSpec, Failure, ViewCondition } from "./types";

type ResourceBelow = Extract<ViewCondition, { kind: "resource_below" }>;

/** Options: the usage (percent) below which the resource counts as recovered, and the stability window. */
export type ResourceRebalanceOptions = { recoveredBelowPercent: number; stableWindowMs: number };

const RESOURCE_OF_TYPE: Record<string, string> = { token_exhaustion: "tokens", memory_exhaustion: "memory", quota_exceeded: "agents" };

/** The resource a failure is about: context.resource_type, else implied by the failure type, else "unknown". */
export function resourceTypeOf(f: Failure): string {
  const r = f.context.resource_type;
  return typeof r === "string" ? r : (RESOURCE_OF_TYPE[f.failureType] ?? "unknown");
}

/** The rebalancing commands for one resource type (pure). */
export function rebalanceCommands(f: Failure, resourceType: string, agentLoad: number | null): CommandSpec[] {
  const deep = f.severity === "critical" && (resourceType === "tokens" || resourceType === "token");
  const commands: CommandSpec[] = [{ kind: "pause_tasks", params: { max_priority: deep ? "MEDIUM" : "LOW", resource_type: resourceType } }];
  if (resourceType === "memory" || resourceType === "cpu") {
    const limit = f.agentId ? Math.max(1, Math.floor((agentLoad ?? 1) / 2)) : 5;
    commands.push({ kind: "set_concurrency", params: { ...(f.agentId ? { agent_id: f.agentId } : {}), limit } });
  }
  return commands;
}

/**
 * When the paused work may resume: the resource below the recovery threshold; for a predicted exhaustion also below
 * where it stood when the healing acted (the trend has turned), since it was below the threshold all along (pure).
 */
export function restoreWhen(f: Failure, recovered: ResourceBelow, usageNow: number | null): ResourceBelow {
  return isPredicted(f) && usageNow !== null && usageNow < recovered.percent ? { ...recovered, percent: usageNow } : recovered;
}

/**
 * Creates a ResourceRebalanceStrategy; recovery = usage below the threshold, or no recurrence within the window. Its
 * restore resumes the paused work and lifts the concurrency limit once the resource has stayed recovered.
 */
export function resourceRebalanceStrategy(
  opts: ResourceRebalanceOptions = { recoveredBelowPercent: 80, stableWindowMs: 30_000 },
): HealingStrategy {
  const failureTypes = ["resource_exhaustion", "token_exhaustion", "quota_exceeded", "memory_exhaustion"];
  return {
    name: "ResourceRebalanceStrategy",
    failureTypes,
    canHeal: (f) => failureTypes.includes(f.failureType),
    plan(f, { view }) {
      const resourceType = resourceTypeOf(f);
      const load = f.agentId ? (view.agents().find((a) => a.id === f.agentId)?.currentTasks ?? null) : null;
      const commands = rebalanceCommands(f, resourceType, load);
      const recovered = { kind: "resource_below", resourceType, percent: opts.recoveredBelowPercent } as const;
      return act(
        commands,
        { kind: "stable", windowMs: opts.stableWindowMs, condition: recovered },
        [`identified ${resourceType} exhaustion`, `reallocate ${resourceType} to critical tasks`],
        undoCommands(commands),
        restoreWhen(f, recovered, view.resourcePercent(resourceType)),
      );
    },
  };
}
