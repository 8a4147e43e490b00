"use client";
// A row of toggle buttons (aria-pressed) choosing one value, e.g. a time range.
import { focusRing } from "./focus-ring";

/** One choice of a toggle group. */
export type ToggleOption<T extends string> = { value: T; label: string };

/** Exclusive toggle buttons in a labelled group; the pressed one is the current value. */
export function ToggleGroup<T extends string>({
  label,
  options,
  value,
  onChange,
}: {
  label: string;
  options: readonly ToggleOption<T>[];
  value: T;
  onChange: (v: T) => void;
}) {
  return (
    <div role="group" aria-label={label} className="inline-flex rounded-lg border border-slate-300 p-0.5 dark:border-slate-700">
      {options.map((o) => (
        <button
          key={o.value}
          type="button"
          aria-pressed={o.value === value}
          onClick={() => onChange(o.value)}
          className={`rounded-md px-2.5 py-1 text-sm text-slate-600 hover:bg-slate-100 ${focusRing} aria-pressed:bg-sky-600 aria-pressed:text-white dark:text-slate-300 dark:hover:bg-slate-800 dark:aria-pressed:bg-sky-600`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}
