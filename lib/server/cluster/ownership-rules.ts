// Pure decisions of engine ownership: which owned swarms were lost, and how a healing adopted from a previous
// owner ends: from its persisted commands, then (docs/decisions.md#d19) from a verification the new owner runs on stored evidence.

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

/** How an adopted healing verifies once its commands succeeded: the evidence event (see recoveryEvidenceOf) within
 * `timeoutMs`, or, when no event can show recovery, no recurrence of the failure for `stableWindowMs` (its plan, and
 * the plan's own verification, died with the previous owner). */
export const ADOPTED_VERIFICATION = { timeoutMs: 60_000, stableWindowMs: 30_000 } as const;

/** What the stored evidence says since the commands succeeded: the recovery event seen ("pass"), contrary evidence
 * (the task failed again, the failure recurred: "fail"), or nothing yet. */
export type AdoptedEvidence = "pass" | "fail" | null;

/** The verdict on an adopted healing's verification `elapsedMs` after its last command succeeded; null while undecided. */
export function adoptedVerdict(
  byEvent: boolean,
  evidence: AdoptedEvidence,
  elapsedMs: number,
): { status: "succeeded" | "failed"; reason: string | null } | null {
  const owner = "(verified after an ownership change)";
  if (evidence === "fail")
    return { status: "failed", reason: `verification failed: ${byEvent ? "the task failed again" : "the failure recurred"} ${owner}` };
  if (evidence === "pass") return { status: "succeeded", reason: null };
  if (!byEvent) return elapsedMs >= ADOPTED_VERIFICATION.stableWindowMs ? { status: "succeeded", reason: null } : null;
  return elapsedMs >= ADOPTED_VERIFICATION.timeoutMs ? { status: "failed", reason: `verification timed out ${owner}` } : null;
}

/** How far behind the stored events an owner is: the age of the oldest unread event, 0 when none is waiting. */
export function lagMs(oldestUnreadReceivedAt: number | null, now: number): number {
  return oldestUnreadReceivedAt === null ? 0 : Math.max(0, now - oldestUnreadReceivedAt);
}
