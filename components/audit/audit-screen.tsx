"use client";
// The audit log page: filters, the table, "Load more" (cursor pages), loading skeleton, empty and error states.
import { useMemo, useState } from "react";
import { LoadMoreButton } from "@/components/ui/load-more-button";
import { EmptyState, QueryView, Skeleton } from "@/components/ui/query-states";
import { type AuditFilters, useAuditLog } from "@/lib/browser/api/audit";
import { AuditFilterForm, RANGES } from "./audit-filters";
import { AuditTable } from "./audit-table";

/** The audit log of `swarm` (or of everything), for admins; others are told it is for admins. */
export function AuditScreen({ swarm, role }: { swarm: string; role: string }) {
  const [filters, setFilters] = useState<AuditFilters>({ swarm, rangeMs: RANGES[2]!.ms });
  if (role !== "admin") {
    return (
      <p role="note" className="rounded-md border border-sky-400/40 bg-sky-50 p-3 text-sm dark:bg-sky-950/30" data-testid="admins-only">
        The audit log is for admins only. You are signed in as {role}.
      </p>
    );
  }
  return (
    <div className="flex flex-col gap-4">
      <AuditFilterForm swarm={swarm} value={filters} onApply={setFilters} />
      <AuditResults filters={filters} />
    </div>
  );
}

/** The entries matching `filters`. */
function AuditResults({ filters }: { filters: AuditFilters }) {
  const log = useAuditLog(filters);
  const items = useMemo(() => log.data?.pages.flatMap((p) => p.items), [log.data]);
  return (
    <QueryView
      query={{ data: items, error: log.error, refetch: log.refetch }}
      loading={<Skeleton label="Loading audit log" rows={5} className="h-10" />}
      errorTitle="Could not load the audit log."
      isEmpty={(entries) => entries.length === 0}
      empty={<EmptyState title="No audit entries">No audit entries match these filters.</EmptyState>}
    >
      {(entries) => (
        <>
          <AuditTable items={entries} />
          <div className="flex items-center gap-3">
            {log.hasNextPage ? (
              <LoadMoreButton onClick={() => void log.fetchNextPage()} loading={log.isFetchingNextPage} />
            ) : (
              <span className="text-sm text-slate-500 dark:text-slate-400">End of the log for these filters.</span>
            )}
            {log.isFetchNextPageError && (
              <span role="alert" className="text-sm text-rose-600 dark:text-rose-400">
                Could not load more entries; try again.
              </span>
            )}
          </div>
        </>
      )}
    </QueryView>
  );
}
