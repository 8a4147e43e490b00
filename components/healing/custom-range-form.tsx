"use client";
// From/to inputs for a custom chart range; applies only a valid window (from before to).
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { type RangeSelection, resolveRange, toDateTimeLocal } from "@/lib/browser/view/charts/time-range";

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
        <Input
          size="sm"
          type="datetime-local"
          value={from}
          onChange={(e) => setFrom(e.target.value)}
          className="dark:[color-scheme:dark]"
        />
      </label>
      <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
        To
        <Input size="sm" type="datetime-local" value={to} onChange={(e) => setTo(e.target.value)} className="dark:[color-scheme:dark]" />
      </label>
      <Button variant="primary" type="submit" disabled={!valid}>
        Apply
      </Button>
      {!valid && <p className="text-sm text-rose-600 dark:text-rose-400">“From” must be before “To”.</p>}
    </form>
  );
}
