// A swarm's status from its live figures and the time it last sent an event (pure; used by the server's swarm list
// and by the browser, which re-derives "silent" as time passes).

/** A swarm that has sent no event for longer than this is "silent". */
export const SILENT_AFTER_MS = 60_000;

/** A swarm silent this long has its open healings and active bottlenecks closed by storage as "no data". */
export const NO_DATA_AFTER_MS = 10 * 60_000;

/** Statuses of a listed swarm: sending now, known but quiet, never sent anything, or stopped sending. */
export type SwarmStatus = "active" | "idle" | "new" | "silent";

/** What the status is derived from: the engine's live figures (zero where this instance does not run the swarm's
 * engine) and the stored time of the swarm's last event (null when it has none). */
export type StatusInputs = { eventsPerS: number; activeAgents: number; eventsTotal: number; lastEventAt: number | null };

/** How long the swarm has been silent at `now` (ms), or null while it is not silent. */
export function silentForMs(lastEventAt: number | null, now: number): number | null {
  if (lastEventAt === null) return null;
  const quiet = now - lastEventAt;
  return quiet > SILENT_AFTER_MS ? quiet : null;
}

/** The status at `now`: silent past the threshold, else active while events arrive, idle with events, else new. */
export function swarmStatus(s: StatusInputs, now: number): SwarmStatus {
  if (silentForMs(s.lastEventAt, now) !== null) return "silent";
  if (s.eventsPerS > 0 || s.activeAgents > 0 || s.lastEventAt !== null) return "active";
  return s.eventsTotal > 0 ? "idle" : "new";
}

/** A silence as people read it: "45 s", "7 min", "3 h", "2 days". */
export function silenceText(ms: number): string {
  const s = Math.floor(ms / 1000);
  if (s < 60) return `${s} s`;
  if (s < 3600) return `${Math.floor(s / 60)} min`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h`;
  const days = Math.floor(s / 86_400);
  return `${days} day${days === 1 ? "" : "s"}`;
}

/** The reason stored on items that storage closes because their swarm stopped sending events. */
export function noDataReason(silentMs: number): string {
  return `no data: the swarm has sent no events for ${silenceText(silentMs)}, so this could not finish or be verified`;
}
