// Loading, error and empty states shared by the data panels (same footprint as the content, so nothing shifts), and
// QueryView, which picks the one a React Query result is in.
import type { ReactNode } from "react";
import { Button } from "./button";

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
export function ErrorState({
  title,
  error,
  onRetry,
  className = "",
}: {
  title: string;
  error: Error;
  onRetry: () => void;
  className?: string;
}) {
  return (
    <div role="alert" className={`rounded-lg border border-rose-300 bg-rose-50 p-4 dark:border-rose-900 dark:bg-rose-950/40 ${className}`}>
      <p className="font-medium">{title}</p>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{error.message}</p>
      <Button variant="danger" onClick={onRetry} className="mt-3">
        Retry
      </Button>
    </div>
  );
}

/** An empty state that says what will appear here and what to do. */
export function EmptyState({ title, children, className = "" }: { title: string; children?: ReactNode; className?: string }) {
  return (
    <div
      role="region"
      aria-label={title}
      className={`flex flex-col items-center justify-center rounded-lg border border-dashed border-slate-300 p-6 text-center dark:border-slate-700 ${className}`}
    >
      <p className="font-medium">{title}</p>
      {children && <div className="mt-1 max-w-prose text-sm text-slate-500 dark:text-slate-400">{children}</div>}
    </div>
  );
}

/** What QueryView reads of a React Query result. */
export type QueryResult<T> = { data: T | undefined; error: Error | null; refetch: () => unknown };

/**
 * The state a query is in: `loading` until it has data, its error with a retry while it has none (data already shown
 * stays when a later refetch fails), `empty` when `isEmpty` says so, else `children` with the data.
 */
export function QueryView<T>({
  query,
  loading,
  errorTitle,
  isEmpty,
  empty,
  children,
}: {
  query: QueryResult<T>;
  loading: ReactNode;
  errorTitle: string;
  isEmpty?: (data: T) => boolean;
  empty?: ReactNode;
  children: (data: T) => ReactNode;
}) {
  const { data, error } = query;
  if (data === undefined) return error ? <ErrorState title={errorTitle} error={error} onRetry={() => void query.refetch()} /> : loading;
  return isEmpty?.(data) ? empty : children(data);
}
