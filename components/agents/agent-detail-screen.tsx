"use client";
// One agent: its live figures, recent tasks (its stored events), failures and the healings aimed at it.
import { Panel } from "@/components/ui/panel";
import { EmptyState, QueryView, Skeleton } from "@/components/ui/query-states";
import { Cell, HeaderCell, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { HealingRow } from "@/components/overview/healing-row";
import { humanize } from "@/lib/browser/view/format/labels";
import { ageSince, formatAge, formatDuration } from "@/lib/browser/view/format/time";
import { useNow } from "@/lib/browser/hooks/use-now";
import { useAgent, useAgentEvents } from "@/lib/browser/api/agents";
import type { AgentDetail, AgentItem } from "@/lib/contract/items/agents";
import { CircuitBadge, DegradationBadge, StateBadge } from "./agent-badges";

function Figure({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="h-20 rounded-lg border border-slate-200 p-3 dark:border-slate-800">
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</p>
      <div className="mt-1 text-xl font-semibold tabular-nums">{children}</div>
    </div>
  );
}

function Summary({ a }: { a: AgentItem }) {
  return (
    <div className="grid grid-cols-2 gap-3 sm:grid-cols-4 lg:grid-cols-7" data-testid="agent-summary">
      <Figure label="State">
        <StateBadge state={a.state} silence={a.silence} />
      </Figure>
      <Figure label="Success">{a.success_rate === null ? "—" : `${(a.success_rate * 100).toFixed(1)}%`}</Figure>
      <Figure label="Tasks">{a.tasks}</Figure>
      <Figure label="p95 duration">{formatDuration(a.p95_duration_ms)}</Figure>
      <Figure label="Heartbeat age">{a.heartbeat_age_ms === null ? "—" : formatAge(a.heartbeat_age_ms)}</Figure>
      <Figure label="Circuit">
        <CircuitBadge state={a.circuit_state} />
      </Figure>
      <Figure label="Reported">{a.health_state ?? "—"}</Figure>
    </div>
  );
}

const RESULT: Record<string, string> = {
  success: "text-emerald-600 dark:text-emerald-400",
  failure: "text-rose-600 dark:text-rose-400",
  timeout: "text-rose-600 dark:text-rose-400",
};

function RecentTasks({ swarm, agent, now }: { swarm: string; agent: string; now: number }) {
  const q = useAgentEvents(swarm, agent);
  return (
    <Panel title="Recent events" testId="agent-events">
      <QueryView
        query={q}
        loading={<Skeleton rows={5} className="h-6" label="Loading events" />}
        errorTitle="Could not load events."
        isEmpty={(events) => events.items.length === 0}
        empty={<EmptyState title="No events stored for this agent in the last 7 days" />}
      >
        {(events) => (
          <Table look="compact">
            <TableHead>
              <HeaderCell>Age</HeaderCell>
              <HeaderCell>Type</HeaderCell>
              <HeaderCell>Task</HeaderCell>
              <HeaderCell numeric>Duration</HeaderCell>
              <HeaderCell numeric>Result</HeaderCell>
            </TableHead>
            <TableBody>
              {events.items.map((e, i) => {
                const result =
                  e.result ??
                  (e.type === "task_failed" || e.type === "task_error" ? "failure" : e.type === "task_success" ? "success" : "");
                return (
                  <TableRow key={e.id ?? `${e.received_at}-${i}`}>
                    <Cell className="tabular-nums text-slate-500 dark:text-slate-400">
                      {ageSince(new Date(e.timestamp).toISOString(), now)}
                    </Cell>
                    <Cell className="font-mono">{e.type}</Cell>
                    <Cell className="max-w-40 truncate font-mono">{e.task_id ?? ""}</Cell>
                    <Cell numeric>{e.duration_ms === undefined ? "" : formatDuration(e.duration_ms)}</Cell>
                    <Cell numeric className={RESULT[result]}>
                      {result}
                    </Cell>
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        )}
      </QueryView>
    </Panel>
  );
}

/** The agent drill-down. */
export function AgentDetailScreen({ swarm, agent }: { swarm: string; agent: string }) {
  const q = useAgent(swarm, agent);
  return (
    <QueryView query={q} loading={<Skeleton rows={4} className="h-20" label="Loading agent" />} errorTitle="Could not load this agent.">
      {(detail) => <AgentDetailView swarm={swarm} agent={agent} detail={detail} />}
    </QueryView>
  );
}

/** The agent's live figures, recent events, failures and healings. */
function AgentDetailView({ swarm, agent, detail }: { swarm: string; agent: string; detail: AgentDetail }) {
  const now = useNow();
  const { agent: live, failures, healings, degradation } = detail;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-500 dark:text-slate-400">
          {live ? `Last seen ${ageSince(live.last_seen_at, now)} ago` : "Not tracked live: silent for more than 10 minutes."}
        </p>
        <DegradationBadge degradation={degradation} />
      </div>
      {live && <Summary a={live} />}
      <div className="grid gap-4 lg:grid-cols-2">
        <RecentTasks swarm={swarm} agent={agent} now={now} />
        <div className="space-y-4">
          <Panel title="Failures" count={failures.length} testId="agent-failures">
            {failures.length === 0 ? (
              <EmptyState title="No failures in the last 7 days" />
            ) : (
              <ul className="space-y-1 text-sm">
                {failures.map((f) => (
                  <li key={f.id} className="flex justify-between gap-2 rounded border border-slate-200 px-2 py-1 dark:border-slate-800">
                    <span>
                      {humanize(f.failure_type)}
                      {f.severity && <span className="ml-2 text-xs text-slate-500">{f.severity}</span>}
                    </span>
                    <span className="text-xs tabular-nums text-slate-500 dark:text-slate-400">
                      {ageSince(f.detected_at, now)} ago{f.resolved_at ? " · resolved" : ""}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Panel>
          <Panel title="Healings" count={healings.length} testId="agent-healings">
            {healings.length === 0 ? (
              <EmptyState title="No healings aimed at this agent in the last 7 days" />
            ) : (
              <ul className="space-y-2">
                {healings.map((h) => (
                  <HealingRow key={h.id} h={h} now={now} />
                ))}
              </ul>
            )}
          </Panel>
        </div>
      </div>
    </div>
  );
}
