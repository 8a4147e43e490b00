// Which healings hold a swarm setting (a pause, a concurrency limit, a degradation level) and when to restore it.
import type { SwarmView } from "./ports";
import {
  CAPACITY_HOLD,
  holdKeyOf,
  monotonicPause,
  pauseLevelOf,
  pendingRelease,
  releaseStep,
  restoreOffsets,
  stricterPause,
  type PendingRelease,
} from "./restore-rules";
import type { HealingStrategy } from "./strategy";
import type { CommandSpec, VerificationSpec, ViewCondition } from "./types";
import { recoveredOrUnknown } from "./verification";

/** A restore command due now, attributed to the healing that owned the setting and the strategy that planned it. */
export type DueRestore = { healingId: string; strategy: HealingStrategy; spec: CommandSpec };

type Restore = { healingId: string; strategy: HealingStrategy; steps: { spec: CommandSpec; offsetMs: number }[] };
type Hold = { owners: Set<string>; restore: Restore; pause: ReturnType<typeof pauseLevelOf> };
type Scheduled = DueRestore & { key: string; at: number };

/**
 * The restore step of one swarm's healings. A healing whose plan declares restore commands owns the settings its
 * commands change; once it lets go (success + stability window, or failure) and no other healing owns a setting,
 * that setting's restore falls due: the one planned by its newest owner, which set what is in effect. Entries live
 * only while a healing holds something (docs/decisions.md#d3).
 */
export class RestoreLedger {
  private readonly holds = new Map<string, Hold>();
  private readonly releases = new Map<string, PendingRelease>();
  private scheduled: Scheduled[] = [];

  constructor(private readonly maxWaitMs: number) {}

  /** The command to issue for a healing (a pause never relaxes one in effect); takes the hold when the plan restores it. */
  issue(healingId: string, strategy: HealingStrategy, spec: CommandSpec, restore: readonly CommandSpec[]): CommandSpec {
    const key = holdKeyOf(spec);
    if (key === null) return spec;
    const held = this.holds.get(key);
    const effective = monotonicPause(spec, held?.pause ?? null);
    const steps = restoreOffsets(restore).filter((r) => holdKeyOf(r.spec) === key);
    if (steps.length === 0) return effective;
    const hold = held ?? { owners: new Set<string>(), restore: { healingId, strategy, steps }, pause: null };
    hold.owners.add(healingId);
    hold.restore = { healingId, strategy, steps };
    hold.pause = stricterPause(hold.pause, pauseLevelOf(effective));
    this.holds.set(key, hold);
    this.scheduled = this.scheduled.filter((s) => s.key !== key);
    return effective;
  }

  /** A healing finished: if it holds anything, it lets go once recovered (success, see pendingRelease) or at once (failure).
   * Added capacity is given back only once recovered, even after a failure and however long that takes (removing agents
   * from a backlog deepens it; the one capacity hold per swarm keeps this bounded). */
  finished(
    healingId: string,
    succeeded: boolean,
    plan: { verify: VerificationSpec; restoreWhen: ViewCondition | null } | null,
    now: number,
  ): void {
    const held = [...this.holds].filter(([, h]) => h.owners.has(healingId));
    if (held.length === 0) return;
    const capacity = held.some(([key]) => key === CAPACITY_HOLD);
    this.releases.set(
      healingId,
      pendingRelease(succeeded || capacity, plan?.verify ?? null, plan?.restoreWhen ?? null, now, capacity ? Infinity : this.maxWaitMs),
    );
  }

  /** Restore commands due at `now`, in time order: releases that fell due free their settings, whose restore is scheduled. */
  due(now: number, view: SwarmView): DueRestore[] {
    for (const [healingId, r] of [...this.releases]) {
      const step = releaseStep(r, r.condition === null || recoveredOrUnknown(r.condition, view), now);
      if (!step.due) this.releases.set(healingId, step.release);
      else this.release(healingId, now);
    }
    const due = this.scheduled.filter((s) => s.at <= now).sort((a, b) => a.at - b.at);
    this.scheduled = this.scheduled.filter((s) => s.at > now);
    return due.map(({ healingId, strategy, spec }) => ({ healingId, strategy, spec }));
  }

  /** Entries held, for the bounded-memory invariant (docs/decisions.md#d3). */
  size(): number {
    return this.holds.size + this.releases.size + this.scheduled.length;
  }

  private release(healingId: string, now: number): void {
    this.releases.delete(healingId);
    for (const [key, hold] of [...this.holds]) {
      if (!hold.owners.delete(healingId) || hold.owners.size > 0) continue;
      this.holds.delete(key);
      const { restore } = hold;
      for (const { spec, offsetMs } of restore.steps)
        this.scheduled.push({ healingId: restore.healingId, strategy: restore.strategy, spec, key, at: now + offsetMs });
    }
  }
}
