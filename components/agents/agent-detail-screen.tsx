"use client";
// One agent: its live figures, recent tasks (its stored events), failures and the healings aimed at it.
import { ErrorState, EmptyState, Skeleton } from "@/components/ui/query-states";
import { Panel } from "@/components/ui/panel";
import { HealingRow } from "@/components/overview/healing-row";
import { humanize } from "@/lib/browser/view/format/labels";
import { ageSince, formatAge, formatDuration } from "@/lib/browser/view/format/time";
import { useNow } from "@/lib/browser/hooks/use-now";
import { useAgent, useAgentEvents } from "@/lib/browser/api/agents";
import type { AgentItem } from "@/lib/contract/items/agents";
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

const RESULT: Record<string, string> = { success: "text-emerald-600 dark:text-emerald-400", failure: "text-rose-600 dark:text-rose-400", timeout: "text-rose-600 dark:text-rose-400" };

function RecentTasks({ swarm, agent, now }: { swarm: string; agent: string; now: number }) {
  const q = useAgentEvents(swarm, agent);
  return (
    <Panel title="Recent events" testId="agent-events">
      {q.isPending ? (
        <Skeleton rows={5} className="h-6" label="Loading events" />
      ) : q.error ? (
        <ErrorState title="Could not load events." error={q.error} onRetry={() => void q.refetch()} />
      ) : q.data.items.length === 0 ? (
        <EmptyState title="No events stored for this agent in the last 7 days" />
      ) : (
        <table className="w-full text-xs">
          <thead className="text-left text-slate-500 dark:text-slate-400">
            <tr>
              <th className="py-1 font-medium">Age</th>
              <th className="py-1 font-medium">Type</th>
              <th className="py-1 font-medium">Task</th>
              <th className="py-1 text-right font-medium">Duration</th>
              <th className="py-1 text-right font-medium">Result</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
            {q.data.items.map((e, i) => {
              const result = e.result ?? (e.type === "task_failed" || e.type === "task_error" ? "failure" : e.type === "task_success" ? "success" : "");
              return (
                <tr key={e.id ?? `${e.received_at}-${i}`} className="h-7">
                  <td className="tabular-nums text-slate-500 dark:text-slate-400">{ageSince(new Date(e.timestamp).toISOString(), now)}</td>
                  <td className="font-mono">{e.type}</td>
                  <td className="max-w-40 truncate font-mono">{e.task_id ?? ""}</td>
                  <td className="text-right tabular-nums">{e.duration_ms === undefined ? "" : formatDuration(e.duration_ms)}</td>
                  <td className={`text-right ${RESULT[result] ?? ""}`}>{result}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </Panel>
  );
}

/** The agent drill-down. */
export function AgentDetailScreen({ swarm, agent }: { swarm: string; agent: string }) {
  const q = useAgent(swarm, agent);
  const now = useNow();
  if (q.isPending) return <Skeleton rows={4} className="h-20" label="Loading agent" />;
  if (q.error) return <ErrorState title="Could not load this agent." error={q.error} onRetry={() => void q.refetch()} />;
  const { agent: live, failures, healings, degradation } = q.data;
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-slate-500 dark:text-slate-400">{live ? `Last seen ${ageSince(live.last_seen_at, now)} ago` : "Not tracked live: silent for more than 10 minutes."}</p>
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
