// A command's lifecycle (docs/decisions.md#d19) as a pure transition: forward only, terminal states final.
import type { CommandResult } from "./ports";
import type { CommandRecord, CommandSpec, CommandStatus } from "./types";

const RANK: Record<CommandStatus, number> = { pending: 0, dispatched: 1, acknowledged: 2, succeeded: 3, failed: 3, timed_out: 3 };

/** Whether a status is final. */
export const isTerminal = (s: CommandStatus): boolean => RANK[s] === 3;

/**
 * The command after a reported result at `now`, or null when the report is stale (not a forward move). A dispatch
 * counts an attempt unless the adapter reports the count (a later state implies one); terminal states stamp finishedAt.
 */
export function applyCommandResult(cmd: CommandRecord, result: CommandResult, now: number): CommandRecord | null {
  if (RANK[result.status] <= RANK[cmd.status]) return null;
  const implied =
    result.status === "dispatched" ? cmd.attempts + 1 : result.status === "timed_out" ? cmd.attempts : Math.max(cmd.attempts, 1);
  const attempts = result.attempts ?? implied;
  return {
    ...cmd,
    status: result.status,
    attempts,
    detail: result.detail ?? cmd.detail,
    leaseUntil: result.leaseUntil ?? cmd.leaseUntil,
    finishedAt: isTerminal(result.status) ? now : null,
  };
}

/** A command just issued (status pending, no attempt yet). */
export function newCommandRecord(id: string, healingId: string, spec: CommandSpec, now: number, deadline: number): CommandRecord {
  return {
    id,
    healingId,
    kind: spec.kind,
    params: spec.params,
    status: "pending",
    attempts: 0,
    detail: null,
    issuedAt: now,
    deadline,
    leaseUntil: null,
    finishedAt: null,
  };
}
