"use client";
// What a decided proposal led to, live: its healing's progress and end (with a link to it in the healing history),
// the engine's silence after an approval, a fault that happened first, or that an observation is not a proposal.
import Link from "next/link";
import { healingHistoryHref, type OutcomeState, type ProposalOutcome } from "@/lib/browser/api/proposal-outcome";

const STYLE: Record<OutcomeState, string> = {
  starting: "text-slate-600 dark:text-slate-300",
  waiting: "text-amber-700 dark:text-amber-300",
  running: "text-sky-700 dark:text-sky-300",
  healed: "text-emerald-700 dark:text-emerald-300",
  failed: "text-rose-700 dark:text-rose-300",
  not_run: "text-slate-700 dark:text-slate-200",
  happened: "text-amber-700 dark:text-amber-300",
  observed: "text-slate-600 dark:text-slate-300",
};

/** The outcome line of a proposal (nothing when there is nothing to say). */
export function ProposalOutcomeLine({
  swarm,
  outcome,
  className = "",
}: {
  swarm: string;
  outcome: ProposalOutcome | null;
  className?: string;
}) {
  if (!outcome) return null;
  return (
    <p className={`text-sm ${STYLE[outcome.state]} ${className}`} data-testid="proposal-outcome" data-state={outcome.state}>
      <span className="font-medium">{outcome.text}</span>
      {outcome.healing && (
        <>
          {" · "}
          <Link
            href={healingHistoryHref(swarm, outcome.healing)}
            className="text-sky-700 underline hover:text-sky-600 dark:text-sky-400"
            data-testid="proposal-healing-link"
            data-healing={outcome.healing.id}
          >
            in the healing history
          </Link>
        </>
      )}
    </p>
  );
}
