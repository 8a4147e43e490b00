// What the live channel's status means on screen: when live figures are stale and decisions wait, and the banner.

/** Connection state shown to the operator: `resyncing` = the socket is back but the live queries are still refetching. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "offline" | "resyncing";

/** Whether live figures may be stale and decisions must wait: the socket is down, or back but not re-synced yet. */
export function livePaused(status: LiveStatus): boolean {
  return status === "reconnecting" || status === "offline" || status === "resyncing";
}

/** The banner for a status: a pause message while paused, a short "back" note right after recovering, else none. */
export function liveBanner(status: LiveStatus, justRecovered: boolean): { tone: "down" | "syncing" | "back"; text: string } | null {
  if (status === "reconnecting" || status === "offline")
    return { tone: "down", text: "Offline — live updates paused, reconnecting… Figures below may be out of date; decisions are disabled." };
  if (status === "resyncing")
    return { tone: "syncing", text: "Reconnected — refreshing live data… Decisions are enabled once it is up to date." };
  if (status === "live" && justRecovered) return { tone: "back", text: "Back online — live updates resumed." };
  return null;
}
