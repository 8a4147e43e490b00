"use client";
// The audit log: an infinite, cursor-paged query per filter set ("Load more" fetches the next page).
import { useInfiniteQuery } from "@tanstack/react-query";
import type { AuditItem } from "@/lib/contract/items/audit";
import type { Page } from "@/lib/contract/items/page";
import { apiFetch } from "./api-fetch";
import { keys } from "./keys";

export type { AuditItem };

/** The audit page's filters; `rangeMs` is how far back from now. */
export type AuditFilters = { swarm?: string | undefined; actor?: string | undefined; action?: string | undefined; rangeMs: number };

/** Audit entries newest first, a page of `limit` at a time. */
export function useAuditLog(filters: AuditFilters, limit = 50) {
  return useInfiniteQuery({
    queryKey: keys.audit(filters),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam }) => {
      const q = new URLSearchParams({ limit: String(limit), from: String(Date.now() - filters.rangeMs) });
      if (filters.swarm) q.set("swarm", filters.swarm);
      if (filters.actor) q.set("actor", filters.actor);
      if (filters.action) q.set("action", filters.action);
      if (pageParam) q.set("cursor", pageParam);
      return apiFetch<Page<AuditItem>>(`/api/v1/audit?${q}`);
    },
    getNextPageParam: (last) => last.next_cursor,
  });
}
