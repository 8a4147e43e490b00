// Input and output shapes of HealingAnalytics: raw healing records, rollup buckets, and the sums both reduce to.
import type { StrategyVerdict, Trend } from "../../contract/items/analytics";

/** Status of a persisted healing (healings table). */
export type HealingStatus = "pending" | "running" | "succeeded" | "failed" | "cancelled";

/** What started a healing (healings table). */
export type HealingTrigger = "detected" | "preventive" | "manual";

/** The fields of a healings-table row that analytics reads (camelCase, epoch ms); `agentId` is an optional join from the failure. */
export type HealingRecord = {
  id: string;
  failureType: string;
  strategy: string;
  status: HealingStatus;
  trigger: HealingTrigger;
  /** Heal duration (docs/decisions.md#d17): action issued → action finished. */
  healMs?: number | null;
  /** MTTR sample (docs/decisions.md#d17): failure detected → recovery verified. */
  recoveryMs?: number | null;
  startedAt: number;
  finishedAt?: number | null;
  agentId?: string | null;
};

/** The fields of a failures-table row that analytics reads. */
export type FailureRecord = { detectedAt: number };

/** The healing measures of one rollup row (rollup_minute/hour/day, camelCase, sums as numbers). */
export type HealingRollup = {
  bucketStart: number;
  healings: number;
  healingsSucceeded: number;
  healMsSum: number;
  recoveryMsSum: number;
  recoveries: number;
  failures: number;
};

/** Additive healing sums: what both raw records and rollup rows reduce to before any rate or mean is taken. */
export type Aggregate = {
  healings: number;
  succeeded: number;
  healMsSum: number;
  recoveryMsSum: number;
  recoveries: number;
  failures: number;
};

/** A half-open time range [from, to) in epoch ms. */
export type TimeRange = { from: number; to: number };

/** Strategy trend (docs/decisions.md#d24) and per-strategy verdict (docs/engine.md#s-10-3): the contract's. */
export type { StrategyVerdict, Trend };

/** The contract's `healing` figures (analytics/overview); null where there is nothing to measure. */
export type HealingTotals = {
  total: number;
  succeeded: number;
  failed: number;
  success_rate: number | null;
  mttr_ms: number | null;
  avg_heal_ms: number | null;
  recoveries: number;
  failures: number;
};
