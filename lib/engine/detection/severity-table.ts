// docs/decisions.md#d5: when each bottleneck type fires and how severe it is (the seed's table), as pure grading functions.
import { depthIn, raiseSeverity, worstGrade, type Grade } from "./severity";

/** The docs/decisions.md#d5 thresholds, also echoed in bottleneck metrics. */
export const THRESHOLDS = {
  tokenRatio: { fires: 0.8, high: 0.85, critical: 0.9 },
  quotaRatio: { fires: 0.9, critical: 1 },
  slowAgent: { multiplier: 2, highMultiplier: 3, successRate: 0.7, highSuccessRate: 0.5 },
  queue: { fires: 50, high: 100, critical: 200, highPriorityRaise: 10 },
  consensus: { timeoutRate: 0.1, highTimeoutRate: 0.2, criticalTimeoutRate: 0.4, roundMs: 10_000 },
} as const;

/** Token usage: fires at consumed/budget ≥ 0.80; ≥ 0.90 critical, ≥ 0.85 high, else medium. */
export function gradeTokenUsage(ratio: number): Grade | null {
  const t = THRESHOLDS.tokenRatio;
  if (!(ratio >= t.fires)) return null;
  if (ratio >= t.critical) return { severity: "critical", depth: depthIn(ratio, t.critical, 1) };
  if (ratio >= t.high) return { severity: "high", depth: depthIn(ratio, t.high, t.critical) };
  return { severity: "medium", depth: depthIn(ratio, t.fires, t.high) };
}

/** Agent quota: fires at active/quotas ≥ 0.90; ≥ 1.00 critical, else high. */
export function gradeQuotaUsage(ratio: number): Grade | null {
  const t = THRESHOLDS.quotaRatio;
  if (!(ratio >= t.fires)) return null;
  if (ratio >= t.critical) return { severity: "critical", depth: depthIn(ratio, t.critical, 1.5) };
  return { severity: "high", depth: depthIn(ratio, t.fires, t.critical) };
}

/** Whether the slow-agent rule fires (mean > 2× fleet mean or success < 0.70), without building a grade. */
export function slowAgentFires(durationRatio: number | null, successRate: number | null): boolean {
  const t = THRESHOLDS.slowAgent;
  return (durationRatio !== null && durationRatio > t.multiplier) || (successRate !== null && successRate < t.successRate);
}

/** Slow agent: mean > 2× fleet mean or success < 0.70 fires; > 3× or success < 0.50 is high, else medium. */
export function gradeSlowAgent(durationRatio: number | null, successRate: number | null): Grade | null {
  const t = THRESHOLDS.slowAgent;
  if (!slowAgentFires(durationRatio, successRate)) return null;
  let byDuration: Grade | null = null;
  if (durationRatio !== null && durationRatio > t.highMultiplier)
    byDuration = { severity: "high", depth: depthIn(durationRatio, t.highMultiplier, 6) };
  else if (durationRatio !== null && durationRatio > t.multiplier)
    byDuration = { severity: "medium", depth: depthIn(durationRatio, t.multiplier, t.highMultiplier) };
  let bySuccess: Grade | null = null;
  if (successRate !== null && successRate < t.highSuccessRate)
    bySuccess = { severity: "high", depth: depthIn(t.highSuccessRate - successRate, 0, t.highSuccessRate) };
  else if (successRate !== null && successRate < t.successRate)
    bySuccess = { severity: "medium", depth: depthIn(t.successRate - successRate, 0, t.successRate - t.highSuccessRate) };
  return worstGrade([byDuration, bySuccess]);
}

/** Queue backlog: fires above 50 pending; > 200 critical, > 100 high, else medium; ≥ 10 CRITICAL+HIGH raise one level. */
export function gradeQueue(pending: number, highPriority: number | null): Grade | null {
  const t = THRESHOLDS.queue;
  let grade: Grade;
  if (!(pending > t.fires)) return null;
  if (pending > t.critical) grade = { severity: "critical", depth: depthIn(pending, t.critical, 2 * t.critical) };
  else if (pending > t.high) grade = { severity: "high", depth: depthIn(pending, t.high, t.critical) };
  else grade = { severity: "medium", depth: depthIn(pending, t.fires, t.high) };
  return highPriority !== null && highPriority >= t.highPriorityRaise ? { ...grade, severity: raiseSeverity(grade.severity) } : grade;
}

/** Consensus (docs/decisions.md#d6): timeout rate > 10% fires (> 40% critical, > 20% high, else medium); mean round > 10 s is medium. */
export function gradeConsensus(timeoutRate: number | null, meanRoundMs: number | null): Grade | null {
  const t = THRESHOLDS.consensus;
  let byRate: Grade | null = null;
  if (timeoutRate !== null && timeoutRate > t.criticalTimeoutRate)
    byRate = { severity: "critical", depth: depthIn(timeoutRate, t.criticalTimeoutRate, 1) };
  else if (timeoutRate !== null && timeoutRate > t.highTimeoutRate)
    byRate = { severity: "high", depth: depthIn(timeoutRate, t.highTimeoutRate, t.criticalTimeoutRate) };
  else if (timeoutRate !== null && timeoutRate > t.timeoutRate)
    byRate = { severity: "medium", depth: depthIn(timeoutRate, t.timeoutRate, t.highTimeoutRate) };
  const bySlowRounds: Grade | null =
    meanRoundMs !== null && meanRoundMs > t.roundMs ? { severity: "medium", depth: depthIn(meanRoundMs, t.roundMs, 2 * t.roundMs) } : null;
  return worstGrade([byRate, bySlowRounds]);
}
