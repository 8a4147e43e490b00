"use client";
// A small modal asking for the reason of a decision (required to reject, optional to approve); Esc cancels. Confirming
// waits while the live channel is down or re-syncing.
import { type FormEvent, useEffect, useRef } from "react";
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
  const ref = useRef<HTMLDialogElement>(null);
  const paused = useLivePaused();
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (decision && !d.open) d.showModal();
    if (!decision && d.open) d.close();
  }, [decision]);

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onConfirm(String(new FormData(e.currentTarget).get("reason") ?? "").trim());
  };
  const reject = decision === "reject";
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby="decision-title"
      className="m-auto w-full max-w-md rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {decision && (
        <form onSubmit={submit} className="space-y-4 p-5">
          <h3 id="decision-title" className="text-lg font-semibold">
            {reject ? `Reject ${noun}` : `Approve ${noun}`}
          </h3>
          <p className="text-sm text-slate-600 dark:text-slate-300">{subject}</p>
          <label className="block text-sm font-medium">
            Reason {reject ? "(required)" : "(optional)"}
            <textarea
              name="reason"
              required={reject}
              maxLength={1000}
              rows={3}
              autoFocus
              className="mt-1 w-full rounded-md border border-slate-300 bg-transparent px-3 py-2 text-sm focus:outline-2 focus:outline-sky-500 dark:border-slate-700"
            />
          </label>
          <div className="flex justify-end gap-2">
            <button type="button" onClick={onClose} className="rounded-md px-3 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:bg-slate-800">
              Cancel
            </button>
            <button
              type="submit"
              disabled={paused}
              title={paused ? "Offline: decisions wait until live updates are back" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium text-white focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60 ${reject ? "bg-rose-600 hover:bg-rose-500" : "bg-emerald-600 hover:bg-emerald-500"}`}
            >
              {reject ? "Reject" : "Approve"}
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
