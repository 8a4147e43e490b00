// The bottleneck lifecycle (D8): detected → updated → resolved, one identity per (type, resource), with hold-down.
import { recommendationsFor } from "./recommendations";
import type { Bottleneck, BottleneckChanges, Finding } from "./types";

/** One tracked bottleneck: its last emitted record and since when its condition has been false (null = true now). */
export type Tracked = { record: Bottleneck; clearSince: number | null };

/** Tracked bottlenecks by identity key. */
export type LifecycleState = ReadonlyMap<string, Tracked>;

/** Options of a lifecycle step. */
export type LifecycleOptions = {
  holdDownMs: number;
  updateImpactDelta: number;
  /** Most bottlenecks tracked; beyond it the longest-cleared ones resolve early. */
  maxTracked: number;
  newId: () => string;
};

/** The identity of a finding or record: `${type}:${resource}`. */
export function identityOf(f: Pick<Finding, "type" | "resource">): string {
  return `${f.type}:${f.resource}`;
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Whether a finding differs enough from the last emitted record to emit an update. */
export function isMaterialChange(prev: Bottleneck, f: Finding, impactDelta: number): boolean {
  return prev.severity !== f.severity || !sameList(prev.affectedResources, f.affectedResources) || Math.abs(prev.impactScore - f.impactScore) >= impactDelta;
}

const resolve = (t: Tracked, clearedAt: number, now: number): Bottleneck => ({ ...t.record, status: "resolved", updatedAt: now, resolvedAt: clearedAt });

/**
 * One lifecycle step at `now` given this pass's findings (at most one per identity). A new identity is detected;
 * a known one is updated on a material change; one whose condition has been false for ≥ holdDownMs resolves,
 * with resolvedAt = when it was first seen false (so recovery time excludes the hold-down).
 */
export function stepLifecycle(prev: LifecycleState, findings: readonly Finding[], now: number, opts: LifecycleOptions): { state: Map<string, Tracked>; changes: BottleneckChanges } {
  const state = new Map<string, Tracked>();
  const changes: BottleneckChanges = { detected: [], updated: [], resolved: [] };
  for (const f of findings) {
    const key = identityOf(f);
    const old = prev.get(key);
    if (!old) {
      const record: Bottleneck = {
        id: opts.newId(),
        type: f.type,
        severity: f.severity,
        impactScore: f.impactScore,
        affectedResources: f.affectedResources,
        metrics: f.metrics,
        recommendations: recommendationsFor(f.type),
        status: "active",
        detectedAt: now,
        updatedAt: now,
        resolvedAt: null,
      };
      state.set(key, { record, clearSince: null });
      changes.detected.push(record);
    } else if (isMaterialChange(old.record, f, opts.updateImpactDelta)) {
      const record: Bottleneck = { ...old.record, severity: f.severity, impactScore: f.impactScore, affectedResources: f.affectedResources, metrics: f.metrics, updatedAt: now };
      state.set(key, { record, clearSince: null });
      changes.updated.push(record);
    } else state.set(key, { record: old.record, clearSince: null });
  }
  const cleared: [string, Tracked][] = [];
  for (const [key, t] of prev) {
    if (state.has(key)) continue;
    const clearSince = t.clearSince ?? now;
    if (now - clearSince >= opts.holdDownMs) changes.resolved.push(resolve(t, clearSince, now));
    else cleared.push([key, { record: t.record, clearSince }]);
  }
  const room = Math.max(opts.maxTracked - state.size, 0);
  const early = cleared.length - room;
  if (early > 0) cleared.sort((a, b) => (a[1].clearSince ?? now) - (b[1].clearSince ?? now));
  for (const [i, [key, t]] of cleared.entries()) {
    if (i < early) changes.resolved.push(resolve(t, t.clearSince ?? now, now));
    else state.set(key, t);
  }
  return { state, changes };
}
