"use client";
// The agent table: search, state filter, sortable columns, 50 rows a page (so 1,000 agents render as fast as 50),
// each row linking to the agent's drill-down. Figures refresh every few seconds without moving the layout.
import Link from "next/link";
import { useState } from "react";
import { ErrorState, EmptyState, Skeleton } from "@/components/ui/query-states";
import { type Sort, type SortKey, filterAgents, pageOf, sortAgents } from "@/lib/browser/view/agent-table";
import { formatAge, formatDuration } from "@/lib/browser/view/format/time";
import { useAgents } from "@/lib/browser/api/agents";
import { CircuitBadge, DegradationBadge, StateBadge } from "./agent-badges";

const PAGE_SIZE = 50;

const COLUMNS: { key: SortKey; label: string; numeric?: boolean }[] = [
  { key: "id", label: "Agent" },
  { key: "state", label: "State" },
  { key: "success_rate", label: "Success", numeric: true },
  { key: "p95_duration_ms", label: "p95 duration", numeric: true },
  { key: "heartbeat_age_ms", label: "Heartbeat age", numeric: true },
  { key: "circuit_state", label: "Circuit" },
  { key: "health_score", label: "Health", numeric: true },
];

const pct = (v: number | null) => (v === null ? "—" : `${(v * 100).toFixed(1)}%`);

/** The agents screen. */
export function AgentsScreen({ swarm }: { swarm: string }) {
  const q = useAgents(swarm);
  const [text, setText] = useState("");
  const [state, setState] = useState("");
  const [sort, setSort] = useState<Sort>({ key: "state", dir: "asc" });
  const [page, setPage] = useState(0);

  if (q.isPending) return <Skeleton rows={8} className="h-9" label="Loading agents" />;
  if (q.error) return <ErrorState title="Could not load agents." error={q.error} onRetry={() => void q.refetch()} />;

  const rows = sortAgents(filterAgents(q.data.items, text, state), sort);
  const view = pageOf(rows, page, PAGE_SIZE);
  const toggleSort = (key: SortKey) => setSort((s) => (s.key === key ? { key, dir: s.dir === "asc" ? "desc" : "asc" } : { key, dir: key === "id" || key === "state" || key === "circuit_state" ? "asc" : "desc" }));
  const input = "rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:bg-slate-900";

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <label>
            <span className="sr-only">Search agents</span>
            <input type="search" placeholder="Search agent id" value={text} onChange={(e) => (setText(e.target.value), setPage(0))} className={input} />
          </label>
          <label>
            <span className="sr-only">Filter by state</span>
            <select value={state} onChange={(e) => (setState(e.target.value), setPage(0))} className={input}>
              <option value="">All states</option>
              <option value="down">Down (silent)</option>
              <option value="failed">Failed</option>
              <option value="busy">Busy</option>
              <option value="active">Active</option>
              <option value="idle">Idle</option>
            </select>
          </label>
          <span className="text-sm tabular-nums text-slate-500 dark:text-slate-400" data-testid="agent-count">
            {rows.length} of {q.data.items.length} agents
          </span>
        </div>
        <DegradationBadge degradation={q.data.degradation} />
      </div>

      {q.data.items.length === 0 ? (
        <EmptyState title="No agents yet">Agents appear once they send events with an agent_id (a heartbeat is enough). Agents silent for 10 minutes drop off.</EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <table className="w-full text-sm" data-testid="agents-table">
            <thead className="border-b border-slate-200 text-left text-xs uppercase tracking-wide text-slate-500 dark:border-slate-800 dark:text-slate-400">
              <tr>
                {COLUMNS.map((c) => (
                  <th key={c.key} scope="col" aria-sort={sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"} className={`px-3 py-2 font-medium ${c.numeric ? "text-right" : ""}`}>
                    <button type="button" onClick={() => toggleSort(c.key)} className="inline-flex items-center gap-1 uppercase hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-sky-500 dark:hover:text-slate-200">
                      {c.label}
                      <span aria-hidden className="w-2">{sort.key === c.key ? (sort.dir === "asc" ? "▲" : "▼") : ""}</span>
                    </button>
                  </th>
                ))}
                <th scope="col" className="px-3 py-2 font-medium">
                  Reported
                </th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100 dark:divide-slate-800">
              {view.items.map((a) => (
                <tr key={a.id} className={`h-10 ${a.state === "failed" || a.state === "down" || a.circuit_state === "open" ? "bg-rose-50 dark:bg-rose-950/20" : ""}`} data-testid="agent-row" data-agent={a.id}>
                  <td className="max-w-64 truncate px-3 font-mono">
                    <Link href={`/swarms/${swarm}/agents/${encodeURIComponent(a.id)}`} className="text-sky-700 hover:underline focus-visible:outline-2 focus-visible:outline-sky-500 dark:text-sky-300">
                      {a.id}
                    </Link>
                  </td>
                  <td className="px-3">
                    <StateBadge state={a.state} silence={a.silence} />
                  </td>
                  <td className="px-3 text-right tabular-nums">{pct(a.success_rate)}</td>
                  <td className="px-3 text-right tabular-nums">{formatDuration(a.p95_duration_ms)}</td>
                  <td className={`px-3 text-right tabular-nums ${a.heartbeat_age_ms !== null && a.heartbeat_age_ms > 30_000 ? "font-semibold text-rose-600 dark:text-rose-400" : ""}`}>
                    {a.heartbeat_age_ms === null ? "—" : formatAge(a.heartbeat_age_ms)}
                  </td>
                  <td className="px-3">
                    <CircuitBadge state={a.circuit_state} />
                  </td>
                  <td className="px-3 text-right tabular-nums">{Math.round(a.health_score * 100)}</td>
                  <td className={`px-3 text-xs ${a.health_state && a.health_state !== "healthy" ? "font-medium text-amber-700 dark:text-amber-300" : "text-slate-500 dark:text-slate-400"}`}>{a.health_state ?? "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="flex items-center justify-between border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
            <span className="tabular-nums text-slate-500 dark:text-slate-400" data-testid="agent-range">
              {view.from}–{view.to} of {rows.length}
            </span>
            <div className="flex items-center gap-2">
              <button type="button" onClick={() => setPage(view.page - 1)} disabled={view.page === 0} className="rounded-md px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:hover:bg-slate-800">
                Previous
              </button>
              <span className="tabular-nums">
                Page {view.page + 1} of {view.pages}
              </span>
              <button type="button" onClick={() => setPage(view.page + 1)} disabled={view.page >= view.pages - 1} className="rounded-md px-2 py-1 hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-40 dark:hover:bg-slate-800">
                Next
              </button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
