// The bottleneck lifecycle (docs/decisions.md#d8): detected → updated → resolved, one identity per (type, resource), with hold-down.
// The tracked set is updated in place, so a pass over unchanged bottlenecks builds no records, maps or entries.
import { recommendationsFor } from "./recommendations";
import type { Bottleneck, BottleneckChanges, Finding, Severity } from "./types";

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
  /** An active bottleneck whose figures changed is re-emitted at most this often, so screens show current values
   * (default: never, only on a material change of grade). */
  refreshMs?: number | undefined;
};

/** Whether a tracked record is due for a figures refresh at `now`. */
const refreshDue = (r: Bottleneck, now: number, refreshMs: number | undefined): boolean =>
  refreshMs !== undefined && now - r.updatedAt >= refreshMs;

/** Whether two records' figures differ (their metrics are small flat objects). */
const figuresDiffer = (a: Record<string, unknown>, b: Record<string, unknown>): boolean => JSON.stringify(a) !== JSON.stringify(b);

/** Where a detection pass reports what holds; `holds` lets a rule skip building a finding that would change nothing. */
export type FindingSink = {
  /** True (and the identity counts as seen) when it is tracked and this grade is no material change; else false. */
  holds(identity: string, severity: Severity, impactScore: number, affectedResources: readonly string[]): boolean;
  /** One finding of this pass (at most one per identity). */
  report(finding: Finding): void;
};

/** A tracked bottleneck with its bookkeeping: identity, the pass that last saw it, and its position in the order. */
type Entry = Tracked & { key: string; seenPass: number; rank: number };

/** The identity of a finding or record: `${type}:${resource}`. */
export function identityOf(f: Pick<Finding, "type" | "resource">): string {
  return `${f.type}:${f.resource}`;
}

const sameList = (a: readonly string[], b: readonly string[]) => {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
};

/** Whether a finding's grade differs enough from the last emitted record to emit an update. */
function isMaterial(prev: Bottleneck, severity: Severity, impactScore: number, affected: readonly string[], impactDelta: number): boolean {
  return (
    prev.severity !== severity || !sameList(prev.affectedResources, affected) || Math.abs(prev.impactScore - impactScore) >= impactDelta
  );
}

const resolve = (t: Tracked, clearedAt: number, now: number): Bottleneck => ({
  ...t.record,
  status: "resolved",
  updatedAt: now,
  resolvedAt: clearedAt,
});

/**
 * The tracked bottlenecks of one detector, stepped one pass at a time: `begin(now)`, the pass's findings through the
 * sink, then `end()`. A new identity is detected; a known one is updated on a material change; one whose condition
 * has been false for ≥ holdDownMs resolves, with resolvedAt = when it was first seen false (so recovery time excludes
 * the hold-down). The order is this pass's findings, then the cleared ones still inside their hold-down.
 */
export class BottleneckLifecycle implements FindingSink {
  private entries = new Map<string, Entry>();
  /** This pass's entries in finding order: the first `seenCount` (reused between passes, never emptied). */
  private readonly seen: Entry[] = [];
  private seenCount = 0;
  /** Entries cleared but kept this pass: the first `clearedCount` (reused like `seen`). */
  private readonly cleared: Entry[] = [];
  private clearedCount = 0;
  private pass = 0;
  private now = 0;
  /** Whether this pass saw exactly the first entries of the order, in order, so the order needs no rebuild. */
  private inOrder = true;
  private changes: BottleneckChanges = { detected: [], updated: [], resolved: [] };

  /** A lifecycle tracking `initial` (copied, so the caller's state is not changed). */
  constructor(
    private readonly opts: LifecycleOptions,
    initial: LifecycleState = new Map(),
  ) {
    for (const [key, t] of initial)
      this.entries.set(key, { record: t.record, clearSince: t.clearSince, key, seenPass: 0, rank: this.entries.size });
  }

  /** The tracked bottlenecks by identity, in order. */
  get state(): LifecycleState {
    return this.entries;
  }

  /** Starts the pass at `now`. */
  begin(now: number): void {
    this.pass++;
    this.now = now;
    this.seenCount = 0;
    this.inOrder = true;
    this.changes = { detected: [], updated: [], resolved: [] };
  }

  holds(identity: string, severity: Severity, impactScore: number, affectedResources: readonly string[]): boolean {
    const t = this.entries.get(identity);
    if (
      t === undefined ||
      isMaterial(t.record, severity, impactScore, affectedResources, this.opts.updateImpactDelta) ||
      refreshDue(t.record, this.now, this.opts.refreshMs)
    )
      return false;
    this.see(t);
    return true;
  }

  report(f: Finding): void {
    const key = identityOf(f);
    const t = this.entries.get(key);
    const now = this.now;
    if (!t) {
      const record: Bottleneck = {
        id: this.opts.newId(),
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
      const entry: Entry = { record, clearSince: null, key, seenPass: 0, rank: -1 };
      this.entries.set(key, entry);
      this.changes.detected.push(record);
      this.see(entry);
    } else {
      const material = isMaterial(t.record, f.severity, f.impactScore, f.affectedResources, this.opts.updateImpactDelta);
      if (material || (refreshDue(t.record, now, this.opts.refreshMs) && figuresDiffer(t.record.metrics, f.metrics))) {
        t.record = {
          ...t.record,
          severity: f.severity,
          impactScore: f.impactScore,
          affectedResources: f.affectedResources,
          metrics: f.metrics,
          updatedAt: now,
        };
        this.changes.updated.push(t.record);
      }
      this.see(t);
    }
  }

  /** Ends the pass: resolves what stayed false through the hold-down (or beyond maxTracked); returns the changes. */
  end(): BottleneckChanges {
    const { now, cleared, changes } = this;
    this.clearedCount = 0;
    this.entries.forEach((t) => {
      if (t.seenPass === this.pass) return;
      const clearSince = t.clearSince ?? now;
      if (now - clearSince >= this.opts.holdDownMs) {
        changes.resolved.push(resolve(t, clearSince, now));
        this.entries.delete(t.key);
      } else {
        t.clearSince = clearSince;
        cleared[this.clearedCount++] = t;
      }
    });
    this.seen.length = this.seenCount;
    cleared.length = this.clearedCount;
    const early = cleared.length - Math.max(this.opts.maxTracked - this.seenCount, 0);
    if (early > 0) {
      cleared.sort((a, b) => (a.clearSince ?? now) - (b.clearSince ?? now));
      for (let i = 0; i < early; i++) {
        const t = cleared[i]!;
        changes.resolved.push(resolve(t, t.clearSince ?? now, now));
        this.entries.delete(t.key);
      }
      this.inOrder = false;
    }
    if (!this.inOrder) this.reorder(early > 0 ? early : 0);
    let rank = 0;
    this.entries.forEach((t) => void (t.rank = rank++));
    return changes;
  }

  /** Marks an entry as true this pass, noting whether it keeps its place in the order. */
  private see(t: Entry): void {
    if (t.rank !== this.seenCount) this.inOrder = false;
    t.clearSince = null;
    t.seenPass = this.pass;
    this.seen[this.seenCount++] = t;
  }

  /** Rebuilds the order: this pass's entries, then the kept cleared ones from index `from`. */
  private reorder(from: number): void {
    const entries = new Map<string, Entry>();
    for (let i = 0; i < this.seenCount; i++) entries.set(this.seen[i]!.key, this.seen[i]!);
    for (let i = from; i < this.cleared.length; i++) entries.set(this.cleared[i]!.key, this.cleared[i]!);
    this.entries = entries;
  }
}

/** One lifecycle step at `now` given this pass's findings (at most one per identity), leaving `prev` unchanged. */
export function stepLifecycle(
  prev: LifecycleState,
  findings: readonly Finding[],
  now: number,
  opts: LifecycleOptions,
): { state: LifecycleState; changes: BottleneckChanges } {
  const lifecycle = new BottleneckLifecycle(opts, prev);
  lifecycle.begin(now);
  for (const f of findings) lifecycle.report(f);
  const changes = lifecycle.end();
  return { state: lifecycle.state, changes };
}
