"use client";
// Approve / Reject, as on a proposal card and on a healing that waits for approval; disabled while the live channel
// is down or re-syncing, so nobody decides on a stale screen.
import { useLivePaused } from "@/lib/browser/api/live-socket";

const SIZES = { sm: "px-3 py-1.5 text-sm", xs: "px-2.5 py-1 text-xs" } as const;

/** The two decision buttons; `onAsk` opens the decision dialog for the chosen one. */
export function DecisionButtons({ size, disabled, onAsk }: { size: keyof typeof SIZES; disabled: boolean; onAsk: (decision: "approve" | "reject") => void }) {
  const paused = useLivePaused();
  const off = disabled || paused;
  const title = paused ? "Offline: decisions wait until live updates are back" : undefined;
  const base = `rounded-md font-medium focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60 ${SIZES[size]}`;
  return (
    <>
      <button type="button" disabled={off} title={title} onClick={() => onAsk("approve")} className={`${base} bg-emerald-600 text-white hover:bg-emerald-500`}>
        Approve
      </button>
      <button
        type="button"
        disabled={off}
        title={title}
        onClick={() => onAsk("reject")}
        className={`${base} border border-rose-300 text-rose-700 hover:bg-rose-50 dark:border-rose-800 dark:text-rose-300 dark:hover:bg-rose-950/40`}
      >
        Reject
      </button>
    </>
  );
}
