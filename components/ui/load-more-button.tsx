"use client";
// "Load more" for cursor-paged lists (React Query's infinite queries): one button, busy while the next page loads.

/** Fetches the next page; shows "Loading…" and is disabled while it does. */
export function LoadMoreButton({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  return (
    <button
      type="button"
      onClick={onClick}
      disabled={loading}
      className="rounded-md border border-slate-300 px-4 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60 dark:border-slate-700 dark:hover:bg-slate-800"
    >
      {loading ? "Loading…" : "Load more"}
    </button>
  );
}
