// Failure patterns over healing results (docs/engine.md#s-10-4), keyed on the real failure type (docs/engine.md#s-13, row 13).
import { outcomeAt, resultsIn } from "./aggregate";
import { countBy } from "./overall-stats";
import type { HealingRecord, TimeRange } from "./types";

const HOUR_MS = 3_600_000;
/** How many failure types `most_common_failures` lists. */
export const TOP_FAILURES = 5;

/** Output of `failurePatterns`. */
export type FailurePatterns = {
  total: number;
  most_common_failures: { type: string; count: number }[];
  /** Failures per hour over the oldest→newest span, floored at one hour; 0 with fewer than 2 failures. */
  failure_frequency: number;
  /** Failures per UTC hour of day, index 0..23. */
  time_of_day_patterns: number[];
  /** Failures per agent (rows without an agent, or with "unknown", are skipped). */
  agent_patterns: Record<string, number>;
};

/** Patterns over the results of healings that answered a failure (preventive healings had no failure and are left out). */
export function failurePatterns(records: readonly HealingRecord[], range?: TimeRange): FailurePatterns {
  const results = resultsIn(records, range).filter((r) => r.trigger !== "preventive");
  const n = results.length;
  const times = results.map(outcomeAt);
  const spanHours = n < 2 ? 0 : (Math.max(...times) - Math.min(...times)) / HOUR_MS;
  const byType = countBy(results, (r) => r.failureType);
  const byHour = Array.from({ length: 24 }, () => 0);
  for (const t of times) byHour[new Date(t).getUTCHours()]! += 1;
  const withAgent = results.filter((r) => r.agentId && r.agentId !== "unknown");
  return {
    total: n,
    most_common_failures: Object.entries(byType)
      .map(([type, count]) => ({ type, count }))
      .sort((a, b) => b.count - a.count || (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))
      .slice(0, TOP_FAILURES),
    failure_frequency: n < 2 ? 0 : n / Math.max(spanHours, 1),
    time_of_day_patterns: byHour,
    agent_patterns: countBy(withAgent, (r) => r.agentId as string),
  };
}
