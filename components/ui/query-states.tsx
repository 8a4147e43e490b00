// Loading skeletons, error states with a retry, and empty states that say what to do next.
import type { ReactNode } from "react";

/** Grey placeholder blocks while data loads. */
export function Skeleton({ rows = 3, height = "h-12", label = "Loading" }: { rows?: number; height?: string; label?: string }) {
  return (
    <div aria-busy="true" aria-label={label} className="space-y-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`${height} animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800`} />
      ))}
    </div>
  );
}

/** A failed load, with its message and a retry button. */
export function ErrorState({ what, error, retry }: { what: string; error: Error; retry: () => void }) {
  return (
    <div role="alert" className="rounded-lg border border-rose-300 bg-rose-50 p-4 text-sm dark:border-rose-900 dark:bg-rose-950/40">
      <p className="font-medium">Could not load {what}.</p>
      <p className="mt-1 text-slate-600 dark:text-slate-400">{error.message}</p>
      <button type="button" onClick={retry} className="mt-3 rounded-md bg-rose-600 px-3 py-1.5 font-medium text-white hover:bg-rose-500 focus-visible:outline-2 focus-visible:outline-sky-500">
        Retry
      </button>
    </div>
  );
}

/** Nothing to show, and what that means or what to do. */
export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="rounded-lg border border-dashed border-slate-300 p-4 text-sm dark:border-slate-700">
      <p className="font-medium text-slate-700 dark:text-slate-200">{title}</p>
      {children && <div className="mt-1 text-slate-500 dark:text-slate-400">{children}</div>}
    </div>
  );
}
