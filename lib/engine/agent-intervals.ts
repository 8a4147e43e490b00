// Each agent's expected cadence, learned from its own events (docs/decisions.md#d30): the median gap between its heartbeats or, for an
// agent that never heartbeats, a high percentile of the gaps between any of its events; both over a bounded window
// of recent gaps (an agent with too few heartbeat gaps yet is judged on its activity) and measured on event time, so batching and ingest delays do not distort them.

/** Gaps kept per agent, for heartbeats and for activity alike. */
export const RECENT_GAPS = 16;
/** Heartbeat gaps needed before an agent is judged on its heartbeats. */
export const MIN_HEARTBEAT_GAPS = 2;
/** Activity gaps needed before an agent without heartbeats is judged on its activity. */
export const MIN_ACTIVITY_GAPS = 4;
/** Shortest heartbeat interval judged: ingest and ticks are 1 s grained, so faster beats count as 1 s. */
export const HEARTBEAT_FLOOR_MS = 1_000;
/** Shortest activity interval judged: a busy agent that pauses for a few seconds is not silent. */
export const ACTIVITY_FLOOR_MS = 10_000;
/** The percentile of activity gaps an agent without heartbeats is expected to be heard within. */
export const ACTIVITY_PERCENTILE = 0.9;

/** What an agent's events taught so far: the last event times and the recent gaps (oldest first). */
export type Cadence = { lastHeartbeatTs: number | null; heartbeatGaps: number[]; lastEventTs: number | null; activityGaps: number[] };

/** An agent's expected interval and what it was learned from. */
export type LearnedInterval = { intervalMs: number; source: "heartbeat" | "activity" };

/** A cadence that has seen nothing. */
export function newCadence(): Cadence {
  return { lastHeartbeatTs: null, heartbeatGaps: [], lastEventTs: null, activityGaps: [] };
}

const push = (gaps: number[], gap: number) => {
  gaps.push(gap);
  if (gaps.length > RECENT_GAPS) gaps.shift();
};

/** Folds one of the agent's events (at event time `ts`) in; an event older than the last one adds no gap. */
export function recordEvent(c: Cadence, ts: number, heartbeat: boolean): void {
  if (c.lastEventTs !== null && ts > c.lastEventTs) push(c.activityGaps, ts - c.lastEventTs);
  c.lastEventTs = Math.max(c.lastEventTs ?? ts, ts);
  if (!heartbeat) return;
  if (c.lastHeartbeatTs !== null && ts > c.lastHeartbeatTs) push(c.heartbeatGaps, ts - c.lastHeartbeatTs);
  c.lastHeartbeatTs = Math.max(c.lastHeartbeatTs ?? ts, ts);
}

/** The q-quantile (nearest rank, 0 < q ≤ 1) of non-empty values. */
export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** The median of non-empty values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** The interval an agent is expected to be heard within (its heartbeats', else its activity's), or null while too little is known. */
export function learnedInterval(c: Cadence): LearnedInterval | null {
  if (c.heartbeatGaps.length >= MIN_HEARTBEAT_GAPS)
    return { intervalMs: Math.max(HEARTBEAT_FLOOR_MS, median(c.heartbeatGaps)), source: "heartbeat" };
  if (c.activityGaps.length >= MIN_ACTIVITY_GAPS) {
    return { intervalMs: Math.max(ACTIVITY_FLOOR_MS, quantile(c.activityGaps, ACTIVITY_PERCENTILE)), source: "activity" };
  }
  return null;
}
