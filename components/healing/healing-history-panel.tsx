"use client";
// The healing history: filters kept in the URL, the newest healings first, "Load more" for older pages.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { focusRing } from "@/components/ui/focus-ring";
import { Panel } from "@/components/ui/panel";
import { EmptyState, QueryView, Skeleton } from "@/components/ui/query-states";
import { useHealings, useStrategies } from "@/lib/browser/api/healing";
import { type HealingFilters, parseHealingFilters, withHealingFilters } from "@/lib/browser/api/healing-filters";
import { HealingFilterBar } from "./healing-filter-bar";
import { HealingTable } from "./healing-table";
import { PagedList } from "@/components/ui/paged-list";

/** The history panel. */
export function HealingHistoryPanel({ swarm }: { swarm: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => parseHealingFilters(new URLSearchParams(params.toString())), [params]);
  const setFilters = (next: HealingFilters) => {
    const qs = withHealingFilters(new URLSearchParams(params.toString()), next).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const { data, error, isPlaceholderData, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = useHealings(swarm, filters);
  const seenStrategies = useStrategies(swarm).data?.map((s) => s.strategy) ?? [];
  const items = useMemo(() => data?.pages.flatMap((p) => p.items), [data]);
  const filtered = Object.keys(filters).length > 0;

  return (
    <Panel
      title="Healing history"
      description="Newest first, last 7 days. Filters are kept in the address, so a reload or a shared link shows the same list."
      testId="healing-history"
    >
      <HealingFilterBar filters={filters} strategies={seenStrategies} onChange={setFilters} />
      <QueryView
        query={{ data: items, error, refetch }}
        loading={<Skeleton label="Loading healings" />}
        errorTitle="Could not load the healing history."
        isEmpty={(list) => list.length === 0}
        empty={
          filtered ? (
            <EmptyState title="No healings match these filters" className="h-40">
              Widen the filters or{" "}
              <button
                type="button"
                onClick={() => setFilters({})}
                className={`font-medium text-sky-600 underline hover:text-sky-500 ${focusRing} dark:text-sky-400`}
              >
                clear them
              </button>
              .
            </EmptyState>
          ) : (
            <EmptyState title="No healings yet" className="h-40">
              Healings appear when the engine detects a failure — an agent down, a failed or timed-out task, resource exhaustion, lost
              quorum — or when an operator approves a predicted one. Send your swarm&apos;s events to{" "}
              <code className="font-mono">POST /api/v1/events</code> to start.
            </EmptyState>
          )
        }
      >
        {(list) => (
          <PagedList
            stale={isPlaceholderData}
            hasNextPage={hasNextPage}
            loadingMore={isFetchingNextPage}
            onLoadMore={() => void fetchNextPage()}
          >
            <HealingTable items={list} />
          </PagedList>
        )}
      </QueryView>
    </Panel>
  );
}
