// A small coloured label (status, verdict) readable in both themes.
import type { ReactNode } from "react";

/** Badge colours by meaning. */
export type Tone = "good" | "neutral" | "warn" | "bad" | "muted";

const TONES: Record<Tone, string> = {
  good: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/50 dark:text-emerald-300",
  neutral: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-300",
  warn: "bg-amber-100 text-amber-800 dark:bg-amber-900/50 dark:text-amber-300",
  bad: "bg-rose-100 text-rose-800 dark:bg-rose-900/50 dark:text-rose-300",
  muted: "bg-slate-100 text-slate-700 dark:bg-slate-800 dark:text-slate-300",
};

/** A rounded label in the tone's colours. */
export function Badge({ tone, children }: { tone: Tone; children: ReactNode }) {
  return <span className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium ${TONES[tone]}`}>{children}</span>;
}
