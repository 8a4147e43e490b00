"use client";
// The audit log page: filters, the table, "Load more" (cursor pages), loading skeleton, empty and error states.
import { useState } from "react";
import { primaryButton, secondaryButton } from "@/components/settings/form-controls";
import { type AuditFilters, useAuditLog } from "@/lib/queries/audit";
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
  if (log.isPending) {
    return (
      <div className="flex flex-col gap-2" aria-busy="true" aria-label="Loading audit log">
        {[0, 1, 2, 3, 4].map((i) => (
          <div key={i} className="h-10 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
    );
  }
  if (log.error) {
    return (
      <div role="alert" className="rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-900 dark:bg-rose-950/40">
        <p className="font-medium">Could not load the audit log.</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{log.error.message}</p>
        <button type="button" onClick={() => log.refetch()} className={`${secondaryButton} mt-4`}>
          Retry
        </button>
      </div>
    );
  }
  const items = log.data.pages.flatMap((p) => p.items);
  if (items.length === 0) {
    return (
      <div role="region" aria-label="No audit entries" className="rounded-xl border border-dashed border-slate-300 p-8 text-center text-sm text-slate-500 dark:border-slate-700 dark:text-slate-400">
        No audit entries match these filters.
      </div>
    );
  }
  return (
    <>
      <AuditTable items={items} />
      <div className="flex items-center gap-3">
        {log.hasNextPage ? (
          <button type="button" className={primaryButton} onClick={() => log.fetchNextPage()} disabled={log.isFetchingNextPage}>
            {log.isFetchingNextPage ? "Loading…" : "Load more"}
          </button>
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
  );
}
