"use client";
// Recent healings: proposals waiting, running healings with their commands' progress, and outcomes, patched live by
// healing.started / healing.finished / command.updated.
import { ErrorState, EmptyState, Skeleton } from "@/components/ui/query-states";
import { Panel } from "@/components/ui/panel";
import { useNow } from "@/lib/browser/hooks/use-now";
import { useRecentHealings } from "@/lib/browser/api/overview";
import type { HealingItem } from "@/lib/browser/api/types";
import { HealingRow } from "./healing-row";

/** The recent healing list, active ones first. */
export function HealingList({ swarm }: { swarm: string }) {
  const q = useRecentHealings(swarm);
  const now = useNow();
  const active = (h: HealingItem) => (h.status === "running" || h.status === "pending" ? 0 : 1);
  const items = [...(q.data ?? [])].sort((a, b) => active(a) - active(b) || (b.started_at ?? "").localeCompare(a.started_at ?? ""));
  return (
    <Panel
      title="Healings"
      count={q.data?.length}
      description={
        q.data ? `${q.data.filter((h) => active(h) === 0).length} running or waiting; the latest ${q.data.length} shown` : undefined
      }
      testId="healings"
    >
      {q.isPending ? (
        <Skeleton rows={2} className="h-16" label="Loading healings" />
      ) : q.error ? (
        <ErrorState title="Could not load healings." error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No healings yet">
          Detected failures heal automatically; approved proposals heal here too, with each command&apos;s progress.
        </EmptyState>
      ) : (
        <ul className="max-h-[32rem] space-y-2 overflow-y-auto pr-1">
          {items.map((h) => (
            <HealingRow key={h.id} h={h} now={now} swarm={swarm} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
