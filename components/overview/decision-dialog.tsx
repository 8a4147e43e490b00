"use client";
// A small modal asking for the reason of a decision (required to reject, optional to approve); Esc cancels. Confirming
// waits while the live channel is down or re-syncing.
import type { FormEvent } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { TextArea } from "@/components/ui/input";
import { useLivePaused } from "@/lib/browser/api/live-socket";

/** The decision dialog; open while `decision` is set. */
export function DecisionDialog({
  decision,
  subject,
  noun = "proposal",
  onConfirm,
  onClose,
}: {
  decision: "approve" | "reject" | null;
  subject: string;
  noun?: "proposal" | "healing";
  onConfirm: (reason: string) => void;
  onClose: () => void;
}) {
  const paused = useLivePaused();

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onConfirm(String(new FormData(e.currentTarget).get("reason") ?? "").trim());
  };
  const reject = decision === "reject";
  return (
    <Dialog open={decision !== null} labelledBy="decision-title" onClose={onClose}>
      <form onSubmit={submit} className="space-y-4 p-5">
        <h3 id="decision-title" className="text-lg font-semibold">
          {reject ? `Reject ${noun}` : `Approve ${noun}`}
        </h3>
        <p className="text-sm text-slate-600 dark:text-slate-300">{subject}</p>
        <label className="block text-sm font-medium">
          Reason {reject ? "(required)" : "(optional)"}
          <TextArea surface="clear" size="lg" name="reason" required={reject} maxLength={1000} rows={3} autoFocus className="mt-1 w-full" />
        </label>
        <div className="flex justify-end gap-2">
          <Button variant="ghost" onClick={onClose}>
            Cancel
          </Button>
          <Button
            variant={reject ? "danger" : "approve"}
            type="submit"
            disabled={paused}
            title={paused ? "Offline: decisions wait until live updates are back" : undefined}
          >
            {reject ? "Reject" : "Approve"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
