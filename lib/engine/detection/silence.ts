// Silence is evidence (docs/decisions.md#d30), as pure decisions: an agent not heard from for k of its own intervals is down, unless it
// unregistered, is already known to be down, or the whole swarm went quiet (then it is the swarm, not the agent).
import { SILENCE_INTERVALS_RANGE } from "../../contract/items/settings-ranges";

/** Default number of intervals an agent may stay silent (the swarm setting `silence_intervals`). */
export const DEFAULT_SILENCE_INTERVALS = 3;

/** Whether k is an allowed number of silent intervals (an integer within SILENCE_INTERVALS_RANGE). */
export function isSilenceIntervals(k: number): boolean {
  return Number.isInteger(k) && k >= SILENCE_INTERVALS_RANGE.min && k <= SILENCE_INTERVALS_RANGE.max;
}

/** What is known about one agent's silence at `now` (times on the engine's clock). */
export type SilenceFacts = {
  now: number;
  /** When the agent was last heard from. */
  lastHeardAt: number;
  /** Its learned interval, or null while still learning. */
  intervalMs: number | null;
  /** Intervals of silence that make it down. */
  k: number;
  /** It unregistered (an intended goodbye, not a crash). */
  unregistered: boolean;
  /** An agent_down failure is already open for it in this silence episode (detected by silence or reported). */
  alreadyDown: boolean;
  /** When the swarm last sent anything (any agent, any event). */
  swarmLastEventAt: number;
  /** The whole swarm is stale (see swarmStale). */
  swarmStale: boolean;
};

/** The decision on one agent: "silent" means detect it as down now; anything else says why not. */
export type SilenceVerdict = "silent" | "heard" | "learning" | "unregistered" | "already_down" | "swarm_stale" | "swarm_quiet";

/**
 * The silence verdict (pure). Besides the swarm being stale, the swarm must have been heard from after the agent fell
 * silent: when nothing at all arrived since, the agent's silence says nothing about the agent (an ingest outage looks
 * the same), so a fast agent is not flagged before a slower swarm can be seen to be stale.
 */
export function silenceVerdict(f: SilenceFacts): SilenceVerdict {
  if (f.unregistered) return "unregistered";
  if (f.intervalMs === null) return "learning";
  if (f.now - f.lastHeardAt < f.k * f.intervalMs) return "heard";
  if (f.alreadyDown) return "already_down";
  if (f.swarmStale) return "swarm_stale";
  if (f.swarmLastEventAt <= f.lastHeardAt) return "swarm_quiet";
  return "silent";
}

/** Whether the whole swarm is stale at `now`: nothing from it for k × its longest learned interval (null: none learned). */
export function swarmStale(now: number, lastEventAt: number | null, longestIntervalMs: number | null, k: number): boolean {
  return lastEventAt !== null && longestIntervalMs !== null && now - lastEventAt >= k * longestIntervalMs;
}
