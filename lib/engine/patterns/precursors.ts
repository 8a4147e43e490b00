// Precursor counting for the correlation family (docs/decisions.md#d9 revised): how often events of one type precede a failure event
// of another on the same agent within a window, against what independent types would give.
import { FAILURE_EVENT_TYPES, isLearnable } from "./event-roles";
import type { TimedType } from "./pattern";

/** Figures of one (precursor type, failure event type) pair. */
export type PrecursorCount = {
  precursor: string;
  failure: string;
  /** Failure events whose whole preceding window lies in the history. */
  failuresJudged: number;
  /** Of those, the ones with a precursor event in scope within the preceding window. */
  failuresPreceded: number;
  /** Σ over judged failures of P(≥ 1 precursor event in the window) for independent types: 1 − e^(−r·w). */
  expectedPreceded: number;
  /** Distinct episodes: preceded failures grouped by their earliest precursor event. */
  episodes: number;
  /** Per episode: its first failure's time − its earliest precursor's time. */
  leadsMs: number[];
  /** Precursor events whose following window lies in the history. */
  precursorsJudged: number;
  /** Of those, the ones a failure in scope followed within the window. */
  precursorsFollowed: number;
  /** Times of the first and last preceded failure. */
  firstSeen: number;
  lastSeen: number;
};

/** Event indices of one type, whole and per agent, in time order. */
type TypeIndex = { all: number[]; byAgent: Map<string, number[]>; unscoped: number[] };

/** The lists an event of `agent` is paired with: the same agent's and those naming no agent; every event without one. */
const scopeOf = (index: TypeIndex, agent: string | undefined): number[][] =>
  agent === undefined ? [index.all] : [index.byAgent.get(agent) ?? [], index.unscoped];

const sizeOf = (lists: number[][]): number => lists.reduce((n, l) => n + l.length, 0);

/** The smallest event index among the lists' first entries with time ≥ `from` (strictly > when `strict`), or -1. */
function firstFrom(lists: number[][], ts: Float64Array, from: number, strict: boolean): number {
  let best = -1;
  for (const list of lists) {
    let lo = 0;
    let hi = list.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const t = ts[list[mid]!]!;
      if (t < from || (strict && t === from)) lo = mid + 1;
      else hi = mid;
    }
    if (lo < list.length && (best === -1 || list[lo]! < best)) best = list[lo]!;
  }
  return best;
}

/** Indexes the events by type, in time order (ties keep history order). */
function indexByType(events: readonly TimedType[]): Map<string, TypeIndex> {
  const byType = new Map<string, TypeIndex>();
  events.forEach((e, i) => {
    let index = byType.get(e.type);
    if (!index) byType.set(e.type, (index = { all: [], byAgent: new Map(), unscoped: [] }));
    index.all.push(i);
    if (e.agentId === undefined) index.unscoped.push(i);
    else {
      const own = index.byAgent.get(e.agentId);
      if (own) own.push(i);
      else index.byAgent.set(e.agentId, [i]);
    }
  });
  return byType;
}

/** Whether `precursor` may predict `failure`: another type, and not a failure of the same kind (docs/decisions.md#d11: a detected
 * failure never predicts itself). */
const pairable = (precursor: string, failure: string): boolean =>
  precursor !== failure && FAILURE_EVENT_TYPES[precursor] !== FAILURE_EVENT_TYPES[failure];

/**
 * Counts every pairable (precursor, failure event) among the learnable types, the precursors limited to the
 * `maxPrecursorTypes` most frequent. Windows are judged only when they lie wholly inside the history, and rates use
 * its span (at least one window). Cost O(N · P · log N) for P precursor types.
 */
export function countPrecursors(history: readonly TimedType[], windowMs: number, maxPrecursorTypes: number): PrecursorCount[] {
  const events = history.filter((e) => isLearnable(e.type)).sort((x, y) => x.ts - y.ts);
  if (events.length === 0) return [];
  const ts = Float64Array.from(events, (e) => e.ts);
  const start = ts[0]!;
  const end = ts[ts.length - 1]!;
  const spanMs = Math.max(end - start, windowMs);
  const byType = indexByType(events);
  const precursors = [...byType.keys()]
    .sort((x, y) => byType.get(y)!.all.length - byType.get(x)!.all.length || (x < y ? -1 : 1))
    .slice(0, maxPrecursorTypes);
  const failures = [...byType.keys()].filter((t) => Object.hasOwn(FAILURE_EVENT_TYPES, t)).sort();
  const out: PrecursorCount[] = [];
  for (const failure of failures) {
    const f = byType.get(failure)!;
    for (const precursor of precursors) {
      if (!pairable(precursor, failure)) continue;
      out.push(countPair(precursor, failure, byType.get(precursor)!, f, events, ts, { windowMs, spanMs, start, end }));
    }
  }
  return out;
}

/** The figures of one pair (see PrecursorCount). */
function countPair(
  precursor: string,
  failure: string,
  p: TypeIndex,
  f: TypeIndex,
  events: readonly TimedType[],
  ts: Float64Array,
  w: { windowMs: number; spanMs: number; start: number; end: number },
): PrecursorCount {
  const c: PrecursorCount = {
    precursor,
    failure,
    failuresJudged: 0,
    failuresPreceded: 0,
    expectedPreceded: 0,
    episodes: 0,
    leadsMs: [],
    precursorsJudged: 0,
    precursorsFollowed: 0,
    firstSeen: Number.NaN,
    lastSeen: Number.NaN,
  };
  const episodeOf = new Map<number, number>();
  for (const i of f.all) {
    const at = ts[i]!;
    if (at - w.windowMs < w.start) continue;
    const scope = scopeOf(p, events[i]!.agentId);
    c.failuresJudged++;
    c.expectedPreceded += 1 - Math.exp((-sizeOf(scope) * w.windowMs) / w.spanMs);
    const earliest = firstFrom(scope, ts, at - w.windowMs, false);
    if (earliest === -1 || ts[earliest]! >= at) continue;
    c.failuresPreceded++;
    if (!episodeOf.has(earliest)) episodeOf.set(earliest, at - ts[earliest]!);
    if (Number.isNaN(c.firstSeen)) c.firstSeen = at;
    c.lastSeen = at;
  }
  c.episodes = episodeOf.size;
  c.leadsMs = [...episodeOf.values()];
  for (const i of p.all) {
    const at = ts[i]!;
    if (at + w.windowMs > w.end) continue;
    c.precursorsJudged++;
    const next = firstFrom(scopeOf(f, events[i]!.agentId), ts, at, true);
    if (next !== -1 && ts[next]! <= at + w.windowMs) c.precursorsFollowed++;
  }
  return c;
}
