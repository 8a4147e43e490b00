// Pure decisions of engine ownership: which owned swarms were lost, and how a healing adopted from a previous
// owner ends once its persisted commands have.

/** Swarms this instance believes it owns whose lock its session no longer holds, or whose epoch moved on. */
export function lostSwarms(owned: readonly number[], heldLocks: ReadonlySet<number>, fencedOut: ReadonlySet<number>): number[] {
  return owned.filter((id) => !heldLocks.has(id) || fencedOut.has(id));
}

/** Whether an owner with `epoch` may still write for a swarm whose stored epoch is `stored` (null: no owner row). */
export function mayWrite(epoch: bigint, stored: bigint | null): boolean {
  return stored !== null && stored === epoch;
}

const FINAL = new Set(["succeeded", "failed", "timed_out"]);

/** The end of an adopted healing from its commands' states: null while one is still open (or none exists). */
export function adoptedOutcome(commandStatuses: readonly string[]): { status: "succeeded" | "failed"; reason: string | null } | null {
  if (commandStatuses.length === 0 || commandStatuses.some((s) => !FINAL.has(s))) return null;
  const bad = commandStatuses.find((s) => s !== "succeeded");
  return bad ? { status: "failed", reason: `command ${bad} (finished after an ownership change)` } : { status: "succeeded", reason: null };
}

/** How far behind the stored events an owner is: the age of the oldest unread event, 0 when none is waiting. */
export function lagMs(oldestUnreadReceivedAt: number | null, now: number): number {
  return oldestUnreadReceivedAt === null ? 0 : Math.max(0, now - oldestUnreadReceivedAt);
}
