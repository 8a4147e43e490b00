"use client";
// Strategy effectiveness over the last 30 days: success-rate bars and a table with counts, trend and verdict.
import { useMemo } from "react";
import { StrategySuccessChart } from "@/components/charts/strategy-success-chart";
import { Panel } from "@/components/ui/panel";
import { EmptyState, QueryView, Skeleton } from "@/components/ui/query-states";
import { prepareStrategyRows } from "@/lib/browser/view/charts/prepare-strategy-rows";
import { useStrategies } from "@/lib/browser/api/healing";
import { StrategyTable } from "./strategy-table";

/** The strategy effectiveness panel. */
export function StrategyPanel({ swarm }: { swarm: string }) {
  const q = useStrategies(swarm);
  const rows = useMemo(() => q.data && prepareStrategyRows(q.data), [q.data]);
  return (
    <Panel
      title="Strategy effectiveness"
      description="Finished healings of the last 30 days per strategy; the verdict follows the success rate and its recent trend."
      testId="strategy-panel"
    >
      <QueryView
        query={{ data: rows, error: q.error, refetch: q.refetch }}
        loading={<Skeleton label="Loading strategy effectiveness" className="h-40" />}
        errorTitle="Could not load strategy effectiveness."
        isEmpty={(r) => r.length === 0}
        empty={
          <EmptyState title="No finished healings yet" className="h-40">
            Each strategy&apos;s success rate appears here once one of its healings has succeeded or failed.
          </EmptyState>
        }
      >
        {(r) => (
          <div className="space-y-4">
            <StrategySuccessChart rows={r} />
            <StrategyTable rows={r} />
          </div>
        )}
      </QueryView>
    </Panel>
  );
}
