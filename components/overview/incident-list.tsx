"use client";
// Open incidents: every fault (a detected failure or an active bottleneck) with how it is handled right now — a
// healing running, a decision waiting, a healed bottleneck clearing, or "needs an operator" with the reason
// automation did not act. incident.updated events patch the list live.
import { ErrorState, EmptyState, Skeleton } from "@/components/ui/query-states";
import { Panel } from "@/components/ui/panel";
import { ageSince } from "@/lib/browser/view/format/time";
import { humanize, SEVERITY_STYLE } from "@/lib/browser/view/format/labels";
import { useNow } from "@/lib/browser/hooks/use-now";
import { useOpenIncidents } from "@/lib/browser/api/overview";
import type { IncidentItem } from "@/lib/browser/api/types";

/** How each state reads, and its colour: an operator's eye goes to "needs an operator" first. */
const STATES: Record<string, { label: string; style: string; rank: number }> = {
  needs_operator: { label: "Needs an operator", style: "bg-red-100 text-red-800 dark:bg-red-950 dark:text-red-200", rank: 0 },
  awaiting_decision: { label: "Awaiting a decision", style: "bg-amber-100 text-amber-800 dark:bg-amber-950 dark:text-amber-200", rank: 1 },
  healing: { label: "Healing", style: "bg-sky-100 text-sky-800 dark:bg-sky-950 dark:text-sky-200", rank: 2 },
  recovering: { label: "Healed, clearing", style: "bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200", rank: 3 },
};

function IncidentRow({ i, now }: { i: IncidentItem; now: number }) {
  const state = STATES[i.state] ?? { label: humanize(i.state), style: "bg-slate-100 text-slate-700", rank: 9 };
  return (
    <li
      className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      data-testid="incident"
      data-state={i.state}
      data-type={i.failure_type}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-2">
          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${SEVERITY_STYLE[i.severity] ?? SEVERITY_STYLE.low}`}>
            {i.severity}
          </span>
          <span className="truncate font-medium">{humanize(i.failure_type)}</span>
          {i.agent_id && <span className="truncate font-mono text-xs text-slate-500 dark:text-slate-400">{i.agent_id}</span>}
        </div>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${state.style}`}>{state.label}</span>
      </div>
      <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
        {i.reason ?? (i.state === "healing" ? "A healing is running." : "")}
        <span className="ml-2 tabular-nums text-slate-500 dark:text-slate-400" title={i.opened_at ?? undefined}>
          open {ageSince(i.opened_at, now)}
        </span>
      </p>
    </li>
  );
}

/** The open incidents, those needing an operator first. */
export function IncidentList({ swarm }: { swarm: string }) {
  const q = useOpenIncidents(swarm);
  const now = useNow();
  const items = [...(q.data ?? [])].sort(
    (a, b) => (STATES[a.state]?.rank ?? 9) - (STATES[b.state]?.rank ?? 9) || (b.opened_at ?? "").localeCompare(a.opened_at ?? ""),
  );
  const waiting = items.filter((i) => i.state === "needs_operator").length;
  return (
    <Panel
      title={waiting > 0 ? `Faults — ${waiting} need an operator` : "Faults and how they are handled"}
      count={q.data?.length}
      testId="incidents"
    >
      {q.isPending ? (
        <Skeleton rows={2} className="h-14" label="Loading faults" />
      ) : q.error ? (
        <ErrorState title="Could not load faults." error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No open faults">
          Every detected failure and bottleneck shows here with its healing, the decision it waits for, or why it needs you.
        </EmptyState>
      ) : (
        <ul className="max-h-[24rem] space-y-2 overflow-y-auto pr-1">
          {items.map((i) => (
            <IncidentRow key={i.id} i={i} now={now} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
