"use client";
// One healing proposal: what is predicted, how sure, when, why, and what to do; Approve / Reject for operators.
// A decision made anywhere (or an expiry) replaces the buttons with who decided and why, and then what it led to:
// the healing an approval started, live, or why none ran. An observation never offers a decision.
import { useState } from "react";
import { useCan } from "@/components/shell/session-context";
import { humanize } from "@/lib/browser/view/format/labels";
import { formatUntil } from "@/lib/browser/view/format/time";
import { proposalOutcome } from "@/lib/browser/api/proposal-outcome";
import { decisionError, useDecideProposal } from "@/lib/browser/api/proposals";
import type { HealingItem, PredictionItem } from "@/lib/browser/api/types";
import { DecisionButtons } from "./decision-buttons";
import { DecisionDialog } from "./decision-dialog";
import { ProposalOutcomeLine } from "./proposal-outcome-line";

const OUTCOME: Record<string, { text: string; style: string }> = {
  approved: { text: "Approved", style: "text-emerald-700 dark:text-emerald-300" },
  rejected: { text: "Rejected", style: "text-rose-700 dark:text-rose-300" },
  expired: { text: "Expired", style: "text-slate-600 dark:text-slate-300" },
};

function Decided({ p }: { p: PredictionItem }) {
  const o = OUTCOME[p.status] ?? { text: humanize(p.status), style: "" };
  if (p.status === "observed" || (p.status === "expired" && p.decision_reason?.startsWith("happened:"))) return null; // said by the outcome line
  if (p.status === "expired")
    return (
      <p className={`text-sm font-medium ${o.style}`} data-testid="proposal-decision">
        Expired: {p.decision_reason ?? "no decision in time"}.
      </p>
    );
  return (
    <p className={`text-sm ${o.style}`} data-testid="proposal-decision">
      <span className="font-medium">{o.text}</span> by {p.decided_by ?? "someone"}
      {p.decision_reason && <span className="text-slate-600 dark:text-slate-300">: “{p.decision_reason}”</span>}
    </p>
  );
}

/** A proposal card; `healing` is the healing its approval started, when known. */
export function ProposalCard({
  swarm,
  p,
  now,
  healing,
}: {
  swarm: string;
  p: PredictionItem;
  now: number;
  healing?: HealingItem | undefined;
}) {
  const canDecide = useCan("operator");
  const decide = useDecideProposal(swarm);
  const [asking, setAsking] = useState<"approve" | "reject" | null>(null);
  const subject = `${humanize(p.failure_type)}${p.agent_id ? ` on ${p.agent_id}` : ""}: ${p.recommended_action}`;
  const lapsed = p.status === "open" && p.expected_at !== null && Date.parse(p.expected_at) <= now;
  const confirm = (reason: string) => {
    if (asking) decide.mutate({ id: p.id, decision: asking, reason: reason || undefined, actionHash: p.action_hash });
    setAsking(null);
  };

  return (
    <li
      className={`rounded-lg border p-4 ${p.status === "open" ? "border-sky-300 bg-sky-50/60 dark:border-sky-800 dark:bg-sky-950/20" : "border-slate-200 dark:border-slate-800"}`}
      data-testid="proposal"
      data-id={p.id}
      data-status={p.status}
    >
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="font-medium">
            {humanize(p.failure_type)}
            {p.agent_id && <span className="ml-1 font-mono text-sm text-slate-600 dark:text-slate-300">on {p.agent_id}</span>}
          </p>
          <p className="text-xs text-slate-500 dark:text-slate-400">
            from {p.source} · expected <span className="tabular-nums">{p.expected_at ? formatUntil(p.expected_at, now) : "—"}</span>
          </p>
        </div>
        <div className="w-28 text-right">
          <p className="text-lg font-semibold tabular-nums" data-testid="proposal-confidence">
            {Math.round(p.confidence * 100)}%
          </p>
          <div className="mt-1 h-1.5 rounded bg-slate-200 dark:bg-slate-700" aria-hidden>
            <div className="h-1.5 rounded bg-sky-500" style={{ width: `${Math.round(p.confidence * 100)}%` }} />
          </div>
          <p className="text-xs text-slate-500 dark:text-slate-400">confidence</p>
        </div>
      </div>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-200">{p.reasoning}</p>
      <p className="mt-1 text-sm">
        <span className="text-slate-500 dark:text-slate-400">Recommended: </span>
        <span className="font-medium">{p.recommended_action}</span>
      </p>
      {p.status === "open" && p.first_approved_by && (
        <p className="mt-2 text-sm font-medium text-amber-700 dark:text-amber-300" data-testid="proposal-first-approval">
          1 of 2 approvals: approved by {p.first_approved_by}; a second operator must approve.
        </p>
      )}
      <div className="mt-3 flex min-h-9 flex-wrap items-center gap-2">
        {p.status !== "open" ? (
          <Decided p={p} />
        ) : lapsed ? (
          <p className="text-sm font-medium text-slate-600 dark:text-slate-300" data-testid="proposal-decision">
            Expired: its expected time has passed.
          </p>
        ) : canDecide ? (
          <DecisionButtons size="md" disabled={decide.isPending} onAsk={setAsking} />
        ) : (
          <p className="text-sm text-slate-500 dark:text-slate-400">Waiting for an operator&apos;s decision.</p>
        )}
        <ProposalOutcomeLine swarm={swarm} outcome={proposalOutcome(p, healing, now)} className="w-full" />
        {decide.error && (
          <p role="alert" className="text-sm text-rose-600 dark:text-rose-400" data-testid="proposal-error">
            {decisionError(decide.error)}
          </p>
        )}
      </div>
      <DecisionDialog decision={asking} subject={subject} onConfirm={confirm} onClose={() => setAsking(null)} />
    </li>
  );
}
