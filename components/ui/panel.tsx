// A titled section of a screen (a card with a heading, an optional count and actions).
import type { ReactNode } from "react";

/** A screen section. */
export function Panel({ title, count, actions, children, className = "", testId }: { title: string; count?: number; actions?: ReactNode; children: ReactNode; className?: string; testId?: string }) {
  return (
    <section aria-label={title} data-testid={testId} className={`rounded-xl border border-slate-200 bg-white p-5 shadow-sm dark:border-slate-800 dark:bg-slate-900 ${className}`}>
      <div className="mb-3 flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">
          {title}
          {count !== undefined && <span className="ml-2 rounded-full bg-slate-100 px-2 py-0.5 text-xs tabular-nums text-slate-700 dark:bg-slate-800 dark:text-slate-200">{count}</span>}
        </h2>
        {actions}
      </div>
      {children}
    </section>
  );
}
