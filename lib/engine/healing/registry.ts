// Strategy registry: routes a failure to the most recently registered strategy for its type that can heal it.
import type { EngineEvent } from "../model/types";
import type { HealingStrategy, RoutableStrategy } from "./strategy";
import { compositeStrategy } from "./strategy-composite";
import { agentRestartStrategy } from "./strategy-agent-restart";
import { circuitBreakerStrategy } from "./strategy-circuit-breaker";
import { dynamicScalingStrategy } from "./strategy-dynamic-scaling";
import { gradualDegradationStrategy } from "./strategy-gradual-degradation";
import { preemptiveLoadShedStrategy } from "./strategy-preemptive-load-shed";
import { quorumRecoveryStrategy } from "./strategy-quorum-recovery";
import { resourceRebalanceStrategy } from "./strategy-resource-rebalance";
import { taskRetryStrategy } from "./strategy-task-retry";
import type { Failure } from "./types";

/** What a swarm's healing can be configured with: every strategy (with the failure types it handles), every failure
 * type some strategy handles, and the strategies each type is routed to without a configured chain (tried in order). */
export type HealingCatalog = {
  strategies: { name: string; failureTypes: string[] }[];
  failureTypes: string[];
  defaultChains: Record<string, string[]>;
};

/** The route name of a configured chain for one failure type. */
const chainName = (failureType: string) => `CompositeHealingStrategy(${failureType})`;

/** Where a failure goes: a strategy, or why none applies. */
export type Route = { kind: "route"; strategy: RoutableStrategy } | { kind: "none"; reason: string };

/** A per-swarm strategy registry (strategies keep per-swarm state, so never share one between swarms). */
export class StrategyRegistry {
  private readonly routes = new Map<string, RoutableStrategy[]>();
  private readonly all = new Set<RoutableStrategy>();
  /** `leaves()` of the current `all`, rebuilt only when it changes: `observe` runs for every ingested event. */
  private leafSet: Set<HealingStrategy> | null = null;

  /**
   * The extension point: registers a strategy for its failure types (or the given ones). For each type the newest
   * registration is tried first, so a custom strategy overrides a built-in whenever it can heal the failure.
   */
  registerStrategy(strategy: RoutableStrategy, failureTypes: readonly string[] = strategy.failureTypes): void {
    this.all.add(strategy);
    this.leafSet = null;
    for (const type of failureTypes) {
      const list = (this.routes.get(type) ?? []).filter((s) => s.name !== strategy.name);
      this.routes.set(type, [strategy, ...list]);
    }
  }

  /**
   * Per-swarm composite for one failure type, from strategy names already registered (lower priority runs first).
   * Throws on an unknown name so a bad configuration fails loudly.
   */
  configureComposite(failureType: string, entries: readonly { priority: number; strategy: string }[]): void {
    const leaves = [...this.leaves()];
    const children = entries.map((e) => {
      const strategy = leaves.find((s) => s.name === e.strategy);
      if (!strategy) throw new Error(`unknown strategy ${e.strategy}`);
      return { priority: e.priority, strategy };
    });
    this.registerStrategy(compositeStrategy(children, [failureType], `CompositeHealingStrategy(${failureType})`));
  }

  /**
   * Sets (or with an empty list, removes) the ordered chain of strategies, with fallbacks, that heals a failure type.
   * State held by the strategies and by running healings is kept. Throws on an unknown name before changing anything.
   */
  setChain(failureType: string, names: readonly string[]): void {
    const known = new Set([...this.leaves()].map((s) => s.name));
    const unknown = names.find((n) => !known.has(n));
    if (unknown !== undefined) throw new Error(`unknown strategy ${unknown}`);
    for (const s of this.all) if (s.name === chainName(failureType)) this.all.delete(s);
    this.leafSet = null;
    const rest = (this.routes.get(failureType) ?? []).filter((s) => s.name !== chainName(failureType));
    if (rest.length > 0) this.routes.set(failureType, rest);
    else this.routes.delete(failureType);
    if (names.length > 0)
      this.configureComposite(
        failureType,
        names.map((strategy, priority) => ({ priority, strategy })),
      );
  }

  /** The strategies and failure types this registry can be configured with, and its routing without chains. */
  catalog(): HealingCatalog {
    const handled = new Map<string, Set<string>>();
    const defaultChains: Record<string, string[]> = {};
    const add = (name: string, type: string) => handled.set(name, (handled.get(name) ?? new Set()).add(type));
    for (const s of this.leaves()) for (const type of s.failureTypes) add(s.name, type);
    for (const [type, list] of this.routes) {
      const names = list
        .filter((s) => s.name !== chainName(type))
        .flatMap((s) => ("children" in s ? s.children.map((c) => c.name) : [s.name]));
      for (const name of names) add(name, type);
      if (names.length > 0) defaultChains[type] = [...new Set(names)];
    }
    const strategies = [...handled]
      .map(([name, types]) => ({ name, failureTypes: [...types].sort() }))
      .sort((a, b) => a.name.localeCompare(b.name));
    const failureTypes = [...new Set(strategies.flatMap((s) => s.failureTypes))].sort();
    return { strategies, failureTypes, defaultChains };
  }

  /** The strategy that heals this failure. */
  resolve(failure: Failure): Route {
    const candidates = this.routes.get(failure.failureType) ?? [];
    if (candidates.length === 0) return { kind: "none", reason: `no strategy for ${failure.failureType}` };
    const strategy = candidates.find((s) => s.canHeal(failure));
    return strategy ? { kind: "route", strategy } : { kind: "none", reason: `strategy declined ${failure.failureType}` };
  }

  /** Feeds an event to every strategy that observes events (composite children included). */
  observe(event: EngineEvent, now: number): void {
    for (const s of this.leaves()) s.observe?.(event, now);
  }

  /** Entries held by all strategies' own state. */
  memorySize(): number {
    let n = 0;
    for (const s of this.leaves()) n += s.memorySize?.() ?? 0;
    return n;
  }

  /** The strategies some failure type is routed to (chains unfolded): those that are configured, not merely registered. */
  routed(): HealingStrategy[] {
    return [...new Set([...this.routes.values()].flat().flatMap((s) => ("children" in s ? s.children : [s])))];
  }

  private leaves(): Set<HealingStrategy> {
    this.leafSet ??= new Set([...this.all].flatMap((s) => ("children" in s ? s.children : [s])));
    return this.leafSet;
  }
}

/**
 * The default registry (docs/engine.md#s-8-1, plus preemptive load shedding and Balanced dynamic scaling, docs/decisions.md#d18). The circuit
 * breaker and gradual degradation are registered for no failure type: routed only when a swarm's settings chain them.
 */
export function createDefaultRegistry(): StrategyRegistry {
  const r = new StrategyRegistry();
  r.registerStrategy(circuitBreakerStrategy(), []);
  r.registerStrategy(gradualDegradationStrategy(), []);
  r.registerStrategy(agentRestartStrategy());
  r.registerStrategy(taskRetryStrategy());
  r.registerStrategy(resourceRebalanceStrategy());
  r.registerStrategy(quorumRecoveryStrategy());
  r.registerStrategy(preemptiveLoadShedStrategy());
  r.registerStrategy(dynamicScalingStrategy());
  return r;
}
