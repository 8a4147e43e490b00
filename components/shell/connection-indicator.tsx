"use client";
// Live / reconnecting / offline indicator of the socket connection.
import { type LiveStatus, useLiveStatus } from "@/lib/browser/api/live-socket";

const LOOK: Record<LiveStatus, { dot: string; label: string }> = {
  connecting: { dot: "bg-slate-400", label: "Connecting" },
  live: { dot: "bg-emerald-500", label: "Live" },
  reconnecting: { dot: "bg-amber-500 animate-pulse", label: "Reconnecting" },
  offline: { dot: "bg-rose-500", label: "Offline" },
  resyncing: { dot: "bg-sky-500 animate-pulse", label: "Re-syncing" },
};

/** Shows the live channel's status. */
export function ConnectionIndicator() {
  const status = useLiveStatus();
  const look = LOOK[status];
  return (
    <span className="flex items-center gap-1.5" role="status" aria-live="polite" data-testid="connection-status" data-status={status}>
      <span aria-hidden className={`h-2 w-2 rounded-full ${look.dot}`} />
      {look.label}
    </span>
  );
}
