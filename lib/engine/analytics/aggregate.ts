// The core math: reduce raw healing records or rollup rows to additive sums, then derive rates and means from them.
import type { Aggregate, FailureRecord, HealingRecord, HealingRollup, HealingTotals, TimeRange } from "./types";

/** A healing with an outcome (succeeded or failed); pending, running and cancelled ones are not results. */
export function isResult(r: HealingRecord): boolean {
  return r.status === "succeeded" || r.status === "failed";
}

/** When a healing's outcome became known: its finish time (the start when a finished row lacks one). */
export function outcomeAt(r: HealingRecord): number {
  return r.finishedAt ?? r.startedAt;
}

/** Heal duration (docs/decisions.md#d17): `healMs`, or finish − start when the row lacks it. */
export function healDuration(r: HealingRecord): number {
  if (r.healMs != null) return r.healMs;
  return r.finishedAt != null ? Math.max(0, r.finishedAt - r.startedAt) : 0;
}

/** Whether `t` lies in the half-open range (every time is in range when there is none). */
export function inRange(t: number, range?: TimeRange): boolean {
  return !range || (t >= range.from && t < range.to);
}

/** Results whose outcome time lies in the range, oldest first (stable on ties). */
export function resultsIn(records: readonly HealingRecord[], range?: TimeRange): HealingRecord[] {
  return records.filter((r) => isResult(r) && inRange(outcomeAt(r), range)).sort((a, b) => outcomeAt(a) - outcomeAt(b));
}

/** All-zero sums. */
export function emptyAggregate(): Aggregate {
  return { healings: 0, succeeded: 0, healMsSum: 0, recoveryMsSum: 0, recoveries: 0, failures: 0 };
}

/** Adds one healing result to the sums (mutates `into`; the caller must pass results only). */
export function addResult(into: Aggregate, r: HealingRecord): void {
  into.healings += 1;
  if (r.status === "succeeded") into.succeeded += 1;
  into.healMsSum += healDuration(r);
  if (r.recoveryMs != null) {
    into.recoveries += 1;
    into.recoveryMsSum += r.recoveryMs;
  }
}

/** Sums the results and failures that fall in the range (results by outcome time, failures by detection time). */
export function aggregateRecords(records: readonly HealingRecord[], failures: readonly FailureRecord[] = [], range?: TimeRange): Aggregate {
  const agg = emptyAggregate();
  for (const r of records) if (isResult(r) && inRange(outcomeAt(r), range)) addResult(agg, r);
  for (const f of failures) if (inRange(f.detectedAt, range)) agg.failures += 1;
  return agg;
}

/** Sums the rollup rows whose bucket starts in the range. */
export function aggregateRollups(rows: readonly HealingRollup[], range?: TimeRange): Aggregate {
  const agg = emptyAggregate();
  for (const row of rows) if (inRange(row.bucketStart, range)) addRollup(agg, row);
  return agg;
}

/** Adds one rollup row to the sums (mutates `into`). */
export function addRollup(into: Aggregate, row: HealingRollup): void {
  into.healings += row.healings;
  into.succeeded += row.healingsSucceeded;
  into.healMsSum += row.healMsSum;
  into.recoveryMsSum += row.recoveryMsSum;
  into.recoveries += row.recoveries;
  into.failures += row.failures;
}

/** `num / den`, or null when there is nothing to divide by. */
export function ratio(num: number, den: number): number | null {
  return den > 0 ? num / den : null;
}

/** Rates and means from sums: success rate, MTTR (docs/decisions.md#d17: detection → verified recovery) and mean heal duration. */
export function totalsOf(agg: Aggregate): HealingTotals {
  return {
    total: agg.healings,
    succeeded: agg.succeeded,
    failed: agg.healings - agg.succeeded,
    success_rate: ratio(agg.succeeded, agg.healings),
    mttr_ms: ratio(agg.recoveryMsSum, agg.recoveries),
    avg_heal_ms: ratio(agg.healMsSum, agg.healings),
    recoveries: agg.recoveries,
    failures: agg.failures,
  };
}
