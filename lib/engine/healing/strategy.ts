// The strategy contract (the documented extension point) and small helpers to build plans.
import type { EngineEvent } from "../model/types";
import type { SwarmView } from "./ports";
import type { CommandSpec, Failure, Plan, Trigger, VerificationSpec, ViewCondition } from "./types";

/** What a strategy may read while planning. */
export type PlanContext = { now: number; view: SwarmView; trigger: Trigger };

/**
 * A healing strategy. `plan` decides from the failure, the context and the strategy's own bounded state; it issues
 * nothing itself (the SelfHealer issues the commands through the Coordinator port).
 */
export interface HealingStrategy {
  readonly name: string;
  /** Failure types this strategy is registered for by default. */
  readonly failureTypes: readonly string[];
  /** Guardrail cooldown per (strategy, target); the healer's default applies when absent. */
  readonly cooldownMs?: number;
  /** Per-task healings bounded by their own attempt limit: they do not use up the swarm's hourly cap (docs/decisions.md#d22). */
  readonly capExempt?: boolean;
  canHeal(failure: Failure): boolean;
  plan(failure: Failure, ctx: PlanContext): Plan;
  /** Sees every ingested event (e.g. a circuit breaker counting successes). */
  observe?(event: EngineEvent, now: number): void;
  /** Told when the healer issues one of this strategy's restore commands (e.g. a degradation level stepped back). */
  restored?(spec: CommandSpec, now: number): void;
  /** Entries held in the strategy's own state (bounded, docs/decisions.md#d3). */
  memorySize?(): number;
}

/** An ordered chain of strategies with fallbacks (seed CompositeHealingStrategy); the healer runs it. */
export type CompositeStrategy = {
  readonly name: string;
  readonly failureTypes: readonly string[];
  readonly cooldownMs?: number;
  readonly capExempt?: boolean;
  readonly children: readonly HealingStrategy[];
  canHeal(failure: Failure): boolean;
};

/** Anything the registry can route a failure to. */
export type RoutableStrategy = HealingStrategy | CompositeStrategy;

/** A plan that issues commands and then verifies; `restore` undoes their settings once the healing lets go (see Plan). */
export const act = (
  commands: CommandSpec[],
  verify: VerificationSpec,
  notes: string[] = [],
  restore: CommandSpec[] = [],
  restoreWhen: ViewCondition | null = null,
): Plan => ({
  kind: "act",
  commands,
  verify,
  notes,
  restore,
  restoreWhen,
});

/** A plan that hands the failure to the next strategy in the chain. */
export const decline = (reason: string): Plan => ({ kind: "decline", reason });

/** A plan that stops the chain and fails the healing. */
export const halt = (reason: string): Plan => ({ kind: "halt", reason });

/** What a healing acts on, for guardrail cooldowns and de-duplication: task, agent, resource or the whole swarm. */
export function targetOf(failure: Failure): string {
  if (failure.taskId) return `task:${failure.taskId}`;
  if (failure.agentId) return `agent:${failure.agentId}`;
  const resource = failure.context.resource_type;
  return typeof resource === "string" ? `resource:${resource}` : "swarm";
}

/** Whether a failure stands for a prediction rather than something that happened. */
export const isPredicted = (failure: Failure): boolean => failure.context.predicted === true;

/** Drops the oldest entries of an insertion-ordered map beyond `max` (docs/decisions.md#d3). */
export function capMap<K, V>(map: Map<K, V>, max: number): void {
  for (const key of map.keys()) {
    if (map.size <= max) return;
    map.delete(key);
  }
}
