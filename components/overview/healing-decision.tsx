"use client";
// Approve / Reject for a healing of a detected failure that waits for approval (policy "approve"), and who decided
// once someone has. A preventive healing is decided on its proposal card instead.
import { useState } from "react";
import { useCan } from "@/components/shell/session-context";
import { humanize } from "@/lib/browser/view/format/labels";
import { useDecideHealing } from "@/lib/browser/api/healing-decisions";
import { decisionError } from "@/lib/browser/api/proposals";
import type { HealingItem } from "@/lib/browser/api/types";
import { DecisionButtons } from "./decision-buttons";
import { DecisionDialog } from "./decision-dialog";

/** Whether the healing is one an operator decides here. */
export const awaitsDecision = (h: HealingItem) => h.status === "pending" && h.trigger !== "preventive" && h.decided_by === null;

/** The decision controls (or the decision) of a healing. */
export function HealingDecision({ swarm, h }: { swarm: string; h: HealingItem }) {
  const canDecide = useCan("operator");
  const decide = useDecideHealing(swarm);
  const [asking, setAsking] = useState<"approve" | "reject" | null>(null);
  const confirm = (reason: string) => {
    if (asking) decide.mutate({ id: h.id, decision: asking, reason: reason || undefined, actionHash: h.action_hash });
    setAsking(null);
  };
  if (h.decided_by)
    return (
      <p className="mt-2 text-xs text-slate-600 dark:text-slate-300" data-testid="healing-decision">
        Decided by <span className="font-medium">{h.decided_by}</span>
        {h.decision_reason && <>: “{h.decision_reason}”</>}
      </p>
    );
  if (!awaitsDecision(h)) return null;
  return (
    <div className="mt-2 flex min-h-8 flex-wrap items-center gap-2">
      {h.first_approved_by && (
        <p className="w-full text-xs font-medium text-amber-700 dark:text-amber-300" data-testid="healing-first-approval">
          1 of 2 approvals: approved by {h.first_approved_by}; a second operator must approve.
        </p>
      )}
      {canDecide ? (
        <DecisionButtons size="xs" disabled={decide.isPending} onAsk={setAsking} />
      ) : (
        <p className="text-xs text-slate-500 dark:text-slate-400">Waiting for an operator&apos;s decision.</p>
      )}
      {decide.error && (
        <p role="alert" className="text-xs text-rose-600 dark:text-rose-400" data-testid="healing-decision-error">
          {decisionError(decide.error)}
        </p>
      )}
      <DecisionDialog
        decision={asking}
        noun="healing"
        subject={`${humanize(h.failure_type)}: ${h.strategy}`}
        onConfirm={confirm}
        onClose={() => setAsking(null)}
      />
    </div>
  );
}
