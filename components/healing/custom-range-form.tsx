"use client";
// From/to inputs for a custom chart range; applies only a valid window (from before to).
import { type FormEvent, useState } from "react";
import { type RangeSelection, resolveRange, toDateTimeLocal } from "@/lib/browser/view/charts/time-range";

const input = "rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100 dark:[color-scheme:dark]";

/** The custom range form, prefilled with the window currently shown. */
export function CustomRangeForm({ initial, onApply }: { initial: RangeSelection; onApply: (from: number, to: number) => void }) {
  const [start] = useState(() => resolveRange(initial, Date.now()));
  const [from, setFrom] = useState(toDateTimeLocal(start.from));
  const [to, setTo] = useState(toDateTimeLocal(start.to));
  const valid = from !== "" && to !== "" && Date.parse(from) < Date.parse(to);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (valid) onApply(Date.parse(from), Date.parse(to));
  };
  return (
    <form onSubmit={submit} className="mb-4 flex flex-wrap items-end gap-3" aria-label="Custom range">
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        From
        <input type="datetime-local" value={from} onChange={(e) => setFrom(e.target.value)} className={input} />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        To
        <input type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} className={input} />
      </label>
      <button type="submit" disabled={!valid} className="rounded-md bg-sky-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-sky-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-500 disabled:opacity-50">
        Apply
      </button>
      {!valid && <p className="text-sm text-rose-600 dark:text-rose-400">“From” must be before “To”.</p>}
    </form>
  );
}
