"use client";
// Approve / Reject, as on a proposal card and on a healing that waits for approval; disabled while the live channel
// is down or re-syncing, so nobody decides on a stale screen.
import { Button } from "@/components/ui/button";
import { useLivePaused } from "@/lib/browser/api/live-socket";

/** The two decision buttons; `onAsk` opens the decision dialog for the chosen one. */
export function DecisionButtons({
  size,
  disabled,
  onAsk,
}: {
  size: "md" | "xs";
  disabled: boolean;
  onAsk: (decision: "approve" | "reject") => void;
}) {
  const paused = useLivePaused();
  const off = disabled || paused;
  const title = paused ? "Offline: decisions wait until live updates are back" : undefined;
  return (
    <>
      <Button variant="approve" size={size} disabled={off} title={title} onClick={() => onAsk("approve")}>
        Approve
      </Button>
      <Button variant="reject" size={size} disabled={off} title={title} onClick={() => onAsk("reject")}>
        Reject
      </Button>
    </>
  );
}
