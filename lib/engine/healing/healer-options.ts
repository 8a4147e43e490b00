// Options and results of the SelfHealer's public API.
import type { GuardrailConfig } from "./guardrails";
import type { PolicyConfig } from "./policy";
import type { CoordinatorPort, SwarmView } from "./ports";
import type { StrategyRegistry } from "./registry";
import type { HealerChange, HealingRecord } from "./types";

/** What one swarm's healer needs. */
export type SelfHealerOptions = {
  port: CoordinatorPort;
  view: SwarmView;
  newId: () => string;
  registry?: StrategyRegistry;
  policies?: PolicyConfig;
  guardrails?: Partial<GuardrailConfig>;
  /** Deadline of a command after it is issued (default 30 s). */
  commandTimeoutMs?: number;
  /** Life of a proposal without an explicit expiry (default 10 min). */
  proposalTtlMs?: number;
  /** Longest a finished healing keeps a setting held while its resource has not stayed recovered (default 5 min). */
  restoreMaxWaitMs?: number;
  /** Active healings (proposals + running) kept at most (default 200). */
  maxActive?: number;
};

/** Extra facts about a failure handed to onFailure. */
export type OnFailureOptions = { predictionId?: string; approved?: boolean; expiresAt?: number };

/** What onFailure did, with the record it created or joined, and the changes to persist/publish. */
export type OnFailureResult = {
  decision: "started" | "proposed" | "skipped" | "coalesced" | "ignored" | "unhandled";
  healing: HealingRecord | null;
  reason: string | null;
  changes: HealerChange[];
};

/** What approving a failure would do now: run a plan with a strategy, join an active healing, or nothing (why). */
export type HealingPreview = { kind: "plan"; strategy: string } | { kind: "active"; healingId: string } | { kind: "none"; reason: string };
