"use client";
// Strategy effectiveness over the last 30 days: success-rate bars and a table with counts, trend and verdict.
import { useMemo } from "react";
import { StrategySuccessChart } from "@/components/charts/strategy-success-chart";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/query-states";
import { prepareStrategyRows } from "@/lib/browser/view/charts/prepare-strategy-rows";
import { useStrategies } from "@/lib/browser/api/healing";
import { StrategyTable } from "./strategy-table";

/** The strategy effectiveness panel. */
export function StrategyPanel({ swarm }: { swarm: string }) {
  const { data, error, isPending, refetch } = useStrategies(swarm);
  const rows = useMemo(() => prepareStrategyRows(data ?? []), [data]);
  return (
    <Panel title="Strategy effectiveness" description="Finished healings of the last 30 days per strategy; the verdict follows the success rate and its recent trend." testId="strategy-panel">
      {isPending ? (
        <Skeleton label="Loading strategy effectiveness" className="h-40" />
      ) : error && !data ? (
        <ErrorState title="Could not load strategy effectiveness." error={error} onRetry={() => void refetch()} />
      ) : rows.length === 0 ? (
        <EmptyState title="No finished healings yet" className="h-40">
          Each strategy&apos;s success rate appears here once one of its healings has succeeded or failed.
        </EmptyState>
      ) : (
        <div className="space-y-4">
          <StrategySuccessChart rows={rows} />
          <StrategyTable rows={rows} />
        </div>
      )}
    </Panel>
  );
}
