// The engine's only source of time: injected so the same event log always gives the same result.

/** A clock returning epoch milliseconds. */
export type Clock = { now: () => number };

/** Wall-clock time (production). */
export const systemClock: Clock = { now: () => Date.now() };

/** A clock tests and replays move by hand. */
export function manualClock(start = 0): Clock & { set: (t: number) => void; advance: (ms: number) => void } {
  let t = start;
  return { now: () => t, set: (v) => (t = v), advance: (ms) => (t += ms) };
}
