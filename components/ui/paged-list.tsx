"use client";
// A cursor-paged list body: dimmed while a filter change loads (the previous page stays as placeholder), with
// "Load more" under it while there is a next page.
import type { ReactNode } from "react";
import { LoadMoreButton } from "./load-more-button";

/** The list, dimmed while `stale`, and its "Load more" button. */
export function PagedList({
  stale,
  hasNextPage,
  loadingMore,
  onLoadMore,
  children,
}: {
  stale: boolean;
  hasNextPage: boolean;
  loadingMore: boolean;
  onLoadMore: () => void;
  children: ReactNode;
}) {
  return (
    <div className={`transition-opacity ${stale ? "opacity-60" : ""}`} aria-busy={stale}>
      {children}
      {hasNextPage && (
        <div className="mt-4 flex justify-center">
          <LoadMoreButton onClick={onLoadMore} loading={loadingMore} />
        </div>
      )}
    </div>
  );
}
