"use client";
// The live channel's state in plain words across the top of every signed-in page: offline (updates paused,
// decisions disabled), re-syncing after a reconnect, then briefly "back online".
import { useEffect, useState } from "react";
import { useLiveStatus } from "@/lib/browser/api/live-socket";
import { liveBanner, livePaused } from "@/lib/browser/api/live-status";

/** How long "Back online" stays up after the cache is re-synced. */
const BACK_NOTE_MS = 4_000;

const TONE = {
  down: "border-rose-300 bg-rose-50 text-rose-800 dark:border-rose-800 dark:bg-rose-950/60 dark:text-rose-200",
  syncing: "border-sky-300 bg-sky-50 text-sky-800 dark:border-sky-800 dark:bg-sky-950/60 dark:text-sky-200",
  back: "border-emerald-300 bg-emerald-50 text-emerald-800 dark:border-emerald-800 dark:bg-emerald-950/60 dark:text-emerald-200",
} as const;

/** The banner (nothing while live and nothing happened). */
export function OfflineBanner() {
  const status = useLiveStatus();
  // Adjusted during render (not in an effect): the status it last saw, and whether it just went from paused to live.
  const [seen, setSeen] = useState(status);
  const [justRecovered, setJustRecovered] = useState(false);
  if (status !== seen) {
    setSeen(status);
    setJustRecovered(livePaused(seen) && status === "live");
  }
  useEffect(() => {
    if (!justRecovered) return;
    const t = setTimeout(() => setJustRecovered(false), BACK_NOTE_MS);
    return () => clearTimeout(t);
  }, [justRecovered]);
  const banner = liveBanner(status, justRecovered);
  return (
    <div role="status" aria-live="polite" className="empty:hidden" data-testid="live-banner" data-tone={banner?.tone ?? "none"}>
      {banner && <p className={`border-b px-6 py-2 text-center text-sm font-medium ${TONE[banner.tone]}`}>{banner.text}</p>}
    </div>
  );
}
