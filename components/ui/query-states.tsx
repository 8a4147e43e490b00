// Loading, error and empty states shared by the data panels (same footprint as the content, so nothing shifts).
import type { ReactNode } from "react";

/** Pulsing placeholder blocks (`rows` of them, each sized by `className`), announced as loading. */
export function Skeleton({ label = "Loading", rows = 1, className = "h-12" }: { label?: string; rows?: number; className?: string }) {
  return (
    <div role="status" aria-busy="true" aria-label={label} className="space-y-2">
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className={`animate-pulse rounded-lg bg-slate-200 dark:bg-slate-800 ${className}`} />
      ))}
    </div>
  );
}

/** What failed, why, and a retry button. */
export function ErrorState({ title, error, onRetry, className = "" }: { title: string; error: Error; onRetry: () => void; className?: string }) {
  return (
    <div role="alert" className={`rounded-lg border border-rose-300 bg-rose-50 p-4 dark:border-rose-900 dark:bg-rose-950/40 ${className}`}>
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{error.message}</p>
      <button type="button" onClick={onRetry} className="mt-3 rounded-md bg-rose-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-500 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-rose-500">
        Retry
      </button>
    </div>
  );
}

/** An empty state that says what will appear here and what to do. */
export function EmptyState({ title, children, className = "" }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div role="region" aria-label={title} className={`flex flex-col items-center justify-center rounded-lg border border-dashed border-slate-300 p-6 text-center dark:border-slate-700 ${className}`}>
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 max-w-prose text-sm text-slate-500 dark:text-slate-400">{children}</div>}
    </div>
  );
}
