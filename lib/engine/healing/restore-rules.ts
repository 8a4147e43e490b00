// Restore rules (pure): which setting a command holds, how strict a pause in effect is, and when a release is due.
import { PRIORITIES, type Priority } from "./ports";
import type { CommandSpec, VerificationSpec, ViewCondition } from "./types";

/** Hold key of the agents a scale-up added (given back by a scale-down once the backlog is gone). */
export const CAPACITY_HOLD = "capacity";

/** The swarm setting a command changes (pause, a concurrency limit, the degradation level, added capacity), or null
 * for one-off actions. */
export function holdKeyOf(spec: CommandSpec): string | null {
  if (spec.kind === "scale_agents") return CAPACITY_HOLD;
  if (spec.kind === "pause_tasks" || spec.kind === "resume_tasks") return "pause";
  if (spec.kind === "set_degradation") return "degradation";
  if (spec.kind !== "set_concurrency") return null;
  const agentId = spec.params.agent_id;
  return typeof agentId === "string" ? `concurrency:${agentId}` : "concurrency:*";
}

/** A pause's max_priority, or null when it names no known priority. */
export function pauseLevelOf(spec: CommandSpec): Priority | null {
  const p = spec.params.max_priority;
  return spec.kind === "pause_tasks" && PRIORITIES.includes(p as Priority) ? (p as Priority) : null;
}

/** The stricter of two pause levels (the more urgent max_priority pauses more work); null means no pause. */
export function stricterPause(a: Priority | null, b: Priority | null): Priority | null {
  if (a === null || b === null) return a ?? b;
  return PRIORITIES.indexOf(a) <= PRIORITIES.indexOf(b) ? a : b;
}

/** A pause never relaxes one in effect: its max_priority is raised to the level already paused (other commands unchanged). */
export function monotonicPause(spec: CommandSpec, inEffect: Priority | null): CommandSpec {
  const level = pauseLevelOf(spec);
  const strictest = stricterPause(level, inEffect);
  return level === null || strictest === level ? spec : { ...spec, params: { ...spec.params, max_priority: strictest } };
}

/** A healing that let go and waits for its resource to stay recovered (its condition holding since `since`). */
export type PendingRelease = { condition: ViewCondition | null; windowMs: number; since: number; giveUpAt: number };

/**
 * The release of a healing that finished at `now`: a success waits until `when` (else its verification's condition)
 * has held for the verification's stability window, giving up after `maxWaitMs` so nothing stays held for ever (docs/decisions.md#d3);
 * a failure lets go at once.
 */
export function pendingRelease(
  succeeded: boolean,
  verify: VerificationSpec | null,
  when: ViewCondition | null,
  now: number,
  maxWaitMs: number,
): PendingRelease {
  if (!succeeded) return { condition: null, windowMs: 0, since: now, giveUpAt: now };
  const verifyCondition = verify && (verify.kind === "stable" || verify.kind === "condition") ? (verify.condition ?? null) : null;
  const windowMs = verify?.kind === "stable" ? verify.windowMs : 0;
  return { condition: when ?? verifyCondition, windowMs, since: now, giveUpAt: now + Math.max(maxWaitMs, windowMs) };
}

/** A release at `now` given whether its condition holds: due once it has held for the window (a lapse restarts it), or at `giveUpAt`. */
export function releaseStep(r: PendingRelease, holds: boolean, now: number): { due: boolean; release: PendingRelease } {
  if (r.condition !== null && !holds) return { due: now >= r.giveUpAt, release: { ...r, since: now } };
  return { due: now >= r.giveUpAt || now - r.since >= r.windowMs, release: r };
}

/** Restore commands with their offset from the release: delays accumulate along the list (step-by-step recovery). */
export function restoreOffsets(restore: readonly CommandSpec[]): { spec: CommandSpec; offsetMs: number }[] {
  let offsetMs = 0;
  return restore.map((spec) => ({ spec, offsetMs: (offsetMs += spec.delayMs ?? 0) }));
}

/** The commands that undo a pause (resume_tasks) and concurrency limits (back to the default, `limit: null`), in order. */
export function undoCommands(commands: readonly CommandSpec[]): CommandSpec[] {
  return commands.flatMap((c): CommandSpec[] => {
    if (c.kind === "pause_tasks")
      return [
        { kind: "resume_tasks", params: typeof c.params.resource_type === "string" ? { resource_type: c.params.resource_type } : {} },
      ];
    if (c.kind !== "set_concurrency") return [];
    return [
      {
        kind: "set_concurrency",
        params: { ...(typeof c.params.agent_id === "string" ? { agent_id: c.params.agent_id } : {}), limit: null },
      },
    ];
  });
}
