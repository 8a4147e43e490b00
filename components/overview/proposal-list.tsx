"use client";
// Open healing proposals (preventive healings waiting for a decision), patched live by prediction.* events; a decided
// one stays with what its approval led to (the healing it started, patched live by healing.* and command.updated).
import { ErrorState, EmptyState, Skeleton } from "@/components/ui/query-states";
import { Panel } from "@/components/ui/panel";
import { useNow } from "@/lib/browser/hooks/use-now";
import { useProposalHealings } from "@/lib/browser/api/proposal-healings";
import { useOpenProposals } from "@/lib/browser/api/proposals";
import { ProposalCard } from "./proposal-card";

/** The proposal list. */
export function ProposalList({ swarm }: { swarm: string }) {
  const q = useOpenProposals(swarm);
  const now = useNow();
  const healings = useProposalHealings(swarm, q.data ?? []);
  const open = q.data?.filter((p) => p.status === "open").length;
  return (
    <Panel title="Healing proposals" count={open} testId="proposals">
      {q.isPending ? (
        <Skeleton rows={2} className="h-28" label="Loading proposals" />
      ) : q.error ? (
        <ErrorState title="Could not load proposals." error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.length === 0 ? (
        <EmptyState title="No proposals waiting">
          When the engine predicts a failure with enough confidence, it proposes a preventive healing here for an operator to approve or
          reject.
        </EmptyState>
      ) : (
        <ul className="max-h-[40rem] space-y-3 overflow-y-auto pr-1">
          {q.data.map((p) => (
            <ProposalCard key={p.id} swarm={swarm} p={p} now={now} healing={healings.get(p.id)} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
