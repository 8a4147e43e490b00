"use client";
// A labelled native select for filter bars ("" is the "all" choice).

/** A filter select; `options` are [value, label] pairs after the "all" option. */
export function SelectField({ label, value, allLabel, options, onChange }: { label: string; value: string; allLabel: string; options: readonly (readonly [string, string])[]; onChange: (v: string) => void }) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <select
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="min-w-40 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm text-slate-900 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:bg-slate-950 dark:text-slate-100"
      >
        <option value="">{allLabel}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </select>
    </label>
  );
}
