"use client";
// A labelled native select for filter bars ("" is the "all" choice).
import { Select } from "./input";

/** A filter select; `options` are [value, label] pairs after the "all" option. */
export function SelectField({
  label,
  value,
  allLabel,
  options,
  onChange,
}: {
  label: string;
  value: string;
  allLabel: string;
  options: readonly (readonly [string, string])[];
  onChange: (v: string) => void;
}) {
  return (
    <label className="flex flex-col gap-1 text-xs font-medium text-slate-600 dark:text-slate-400">
      {label}
      <Select value={value} onChange={(e) => onChange(e.target.value)} className="min-w-40">
        <option value="">{allLabel}</option>
        {options.map(([v, l]) => (
          <option key={v} value={v}>
            {l}
          </option>
        ))}
      </Select>
    </label>
  );
}
