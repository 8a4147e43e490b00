"use client";
// Every prediction (also those below the proposal threshold), filtered by status and minimum confidence, paged; an
// approved one shows what its healing did.
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { Panel } from "@/components/ui/panel";
import { EmptyState, QueryView, Skeleton } from "@/components/ui/query-states";
import { SelectField } from "@/components/ui/select-field";
import {
  type PredictionFilters,
  PREDICTION_STATUSES,
  parsePredictionFilters,
  withPredictionFilters,
} from "@/lib/browser/api/prediction-filters";
import { useNow } from "@/lib/browser/hooks/use-now";
import { useProposalHealings } from "@/lib/browser/api/proposal-healings";
import { usePredictions } from "@/lib/browser/api/predictions";
import { PredictionTable } from "./prediction-table";
import { PagedList } from "@/components/ui/paged-list";

const STATUS_OPTIONS = PREDICTION_STATUSES.filter((s) => s !== "all").map((s) => [s, s === "open" ? "open (proposal)" : s] as const);
const CONFIDENCE_OPTIONS = [
  ["0.5", "≥ 50%"],
  ["0.7", "≥ 70% (proposals)"],
  ["0.9", "≥ 90%"],
] as const;

/** The prediction list panel. */
export function PredictionListPanel({ swarm }: { swarm: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const filters = useMemo(() => parsePredictionFilters(new URLSearchParams(params.toString())), [params]);
  const setFilters = (next: PredictionFilters) => {
    const qs = withPredictionFilters(new URLSearchParams(params.toString()), next).toString();
    router.replace(qs ? `${pathname}?${qs}` : pathname, { scroll: false });
  };
  const { data, error, isPlaceholderData, refetch, hasNextPage, fetchNextPage, isFetchingNextPage } = usePredictions(swarm, filters);
  const items = data?.pages.flatMap((p) => p.items) ?? [];
  const healings = useProposalHealings(swarm, items);
  const now = useNow(5_000);
  const filtered = filters.status !== "all" || filters.min_confidence !== undefined;

  return (
    <Panel
      title="All predictions"
      description="Newest first, last 7 days. Below 70% confidence a prediction is only observed; above it, it becomes a proposal operators decide on."
      testId="prediction-list"
    >
      <div className="mb-4 flex flex-wrap items-end gap-3" role="group" aria-label="Prediction filters">
        <SelectField
          label="Status"
          allLabel="All statuses"
          value={filters.status === "all" ? "" : filters.status}
          options={STATUS_OPTIONS}
          onChange={(v) => setFilters({ ...filters, status: (v || "all") as PredictionFilters["status"] })}
        />
        <SelectField
          label="Minimum confidence"
          allLabel="Any confidence"
          value={filters.min_confidence === undefined ? "" : String(filters.min_confidence)}
          options={CONFIDENCE_OPTIONS}
          onChange={(v) => setFilters({ ...filters, min_confidence: v ? Number(v) : undefined })}
        />
      </div>
      <QueryView
        query={{ data: data && items, error, refetch }}
        loading={<Skeleton label="Loading predictions" />}
        errorTitle="Could not load predictions."
        isEmpty={(list) => list.length === 0}
        empty={
          <EmptyState title={filtered ? "No predictions match these filters" : "No predictions yet"} className="h-40">
            {filtered
              ? "Lower the minimum confidence or pick another status."
              : "Predictions appear when the engine sees a failure coming: a learned pattern recurring, a rising queue or token trend, an unhealthy agent. Keep sending events; each prediction is listed here whatever its confidence."}
          </EmptyState>
        }
      >
        {(list) => (
          <PagedList
            stale={isPlaceholderData}
            hasNextPage={hasNextPage}
            loadingMore={isFetchingNextPage}
            onLoadMore={() => void fetchNextPage()}
          >
            <PredictionTable swarm={swarm} items={list} healings={healings} now={now} />
          </PagedList>
        )}
      </QueryView>
    </Panel>
  );
}
