"use client";
// "Load more" for cursor-paged lists (React Query's infinite queries): one button, busy while the next page loads.
import { Button } from "./button";

/** Fetches the next page; shows "Loading…" and is disabled while it does. */
export function LoadMoreButton({ onClick, loading }: { onClick: () => void; loading: boolean }) {
  return (
    <Button variant="secondary" size="wide" onClick={onClick} disabled={loading} className="font-medium">
      {loading ? "Loading…" : "Load more"}
    </Button>
  );
}
