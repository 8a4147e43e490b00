"use client";
// The dialog primitive: a native modal <dialog>, shown while `open` (focus trapped, Esc closes, the page behind
// dimmed), labelled by its heading.
import { type ReactNode, useEffect, useRef } from "react";

/** A modal dialog; `onClose` runs however it is closed (Esc included). */
export function Dialog({
  open,
  labelledBy,
  onClose,
  children,
}: {
  open: boolean;
  labelledBy: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={labelledBy}
      className="m-auto w-full max-w-md rounded-xl border border-slate-200 bg-white p-0 text-slate-900 shadow-xl backdrop:bg-slate-950/60 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-100"
    >
      {open && children}
    </dialog>
  );
}
