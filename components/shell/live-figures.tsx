"use client";
// Greys out figures the socket keeps current while the live channel is down or re-syncing (see OfflineBanner).
import type { ReactNode } from "react";
import { useLivePaused } from "@/lib/browser/api/live-socket";

/** A block of live figures; `data-live-paused` says whether they may be stale. */
export function LiveFigures({ className = "", children }: { className?: string; children: ReactNode }) {
  const paused = useLivePaused();
  return (
    <div
      className={`${className} transition-[opacity,filter] ${paused ? "opacity-50 grayscale" : ""}`}
      data-testid="live-figures"
      data-live-paused={paused}
      aria-busy={paused}
    >
      {children}
    </div>
  );
}
