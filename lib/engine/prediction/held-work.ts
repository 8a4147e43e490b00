// Work held in paused priority lanes: it is not dispatched, so it cannot run late or time out while it waits.
import { num, obj } from "./read-event";

/** The paused priorities a resource_snapshot reports (`metadata.queue.paused_priorities`), or null when it says nothing. */
export function pausedPrioritiesOf(meta: Record<string, unknown>): string[] | null {
  const paused = obj(meta.queue)?.paused_priorities;
  return Array.isArray(paused) ? paused.filter((p): p is string => typeof p === "string") : null;
}

/** Pending tasks outside the paused lanes: `pending` minus the paused lanes' counts in `byPriority` (never below 0). */
export function openPending(pending: number, byPriority: unknown, paused: readonly string[]): number {
  const lanes = obj(byPriority);
  if (!lanes || paused.length === 0) return pending;
  let held = 0;
  for (const p of paused) held += num(lanes[p]) ?? 0;
  return Math.max(0, pending - held);
}

/** Whether two paused sets differ (order aside): the open depth then steps, so earlier depths are no trend to it. */
export function pausedChanged(before: readonly string[], after: readonly string[]): boolean {
  return before.length !== after.length || before.some((p) => !after.includes(p));
}
