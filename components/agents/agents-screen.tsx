"use client";
// The agent table: search, state filter, sortable columns, 50 rows a page (so 1,000 agents render as fast as 50),
// each row linking to the agent's drill-down. Figures refresh every few seconds without moving the layout.
import Link from "next/link";
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { focusRing } from "@/components/ui/focus-ring";
import { Input, Select } from "@/components/ui/input";
import { EmptyState, QueryView, Skeleton } from "@/components/ui/query-states";
import { Cell, EmptyRow, HeaderCell, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { type Sort, type SortKey, filterAgents, pageOf, sortAgents } from "@/lib/browser/view/agent-table";
import { formatAge, formatDuration } from "@/lib/browser/view/format/time";
import { useAgents } from "@/lib/browser/api/agents";
import type { AgentItem, AgentList } from "@/lib/contract/items/agents";
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
  return (
    <QueryView query={q} loading={<Skeleton rows={8} className="h-9" label="Loading agents" />} errorTitle="Could not load agents.">
      {(list) => <AgentTable swarm={swarm} list={list} />}
    </QueryView>
  );
}

/** Search, state filter, sortable columns and pages of the swarm's agents. */
function AgentTable({ swarm, list }: { swarm: string; list: AgentList }) {
  const [text, setText] = useState("");
  const [state, setState] = useState("");
  const [sort, setSort] = useState<Sort>({ key: "state", dir: "asc" });
  const [page, setPage] = useState(0);

  const rows = sortAgents(filterAgents(list.items, text, state), sort);
  const view = pageOf(rows, page, PAGE_SIZE);
  const toggleSort = (key: SortKey) =>
    setSort((s) =>
      s.key === key
        ? { key, dir: s.dir === "asc" ? "desc" : "asc" }
        : { key, dir: key === "id" || key === "state" || key === "circuit_state" ? "asc" : "desc" },
    );

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap items-center gap-2">
          <label>
            <span className="sr-only">Search agents</span>
            <Input
              surface="card"
              type="search"
              placeholder="Search agent id"
              value={text}
              onChange={(e) => (setText(e.target.value), setPage(0))}
            />
          </label>
          <label>
            <span className="sr-only">Filter by state</span>
            <Select surface="card" value={state} onChange={(e) => (setState(e.target.value), setPage(0))}>
              <option value="">All states</option>
              <option value="down">Down (silent)</option>
              <option value="failed">Failed</option>
              <option value="busy">Busy</option>
              <option value="active">Active</option>
              <option value="idle">Idle</option>
            </Select>
          </label>
          <span className="text-sm tabular-nums text-slate-500 dark:text-slate-400" data-testid="agent-count">
            {rows.length} of {list.items.length} agents
          </span>
        </div>
        <DegradationBadge degradation={list.degradation} />
      </div>

      {list.items.length === 0 ? (
        <EmptyState title="No agents yet">
          Agents appear once they send events with an agent_id (a heartbeat is enough). Agents silent for 10 minutes drop off.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto rounded-xl border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
          <Table look="grid" data-testid="agents-table">
            <TableHead>
              {COLUMNS.map((c) => (
                <HeaderCell
                  key={c.key}
                  numeric={c.numeric}
                  aria-sort={sort.key === c.key ? (sort.dir === "asc" ? "ascending" : "descending") : "none"}
                >
                  <button
                    type="button"
                    onClick={() => toggleSort(c.key)}
                    className={`inline-flex items-center gap-1 uppercase hover:text-slate-800 ${focusRing} dark:hover:text-slate-200`}
                  >
                    {c.label}
                    <span aria-hidden className="w-2">
                      {sort.key === c.key ? (sort.dir === "asc" ? "▲" : "▼") : ""}
                    </span>
                  </button>
                </HeaderCell>
              ))}
              <HeaderCell>Reported</HeaderCell>
            </TableHead>
            <TableBody>
              {view.items.length === 0 && <EmptyRow columns={COLUMNS.length + 1}>No agent matches this search and state.</EmptyRow>}
              {view.items.map((a) => (
                <AgentTableRow key={a.id} swarm={swarm} a={a} />
              ))}
            </TableBody>
          </Table>
          <div className="flex items-center justify-between border-t border-slate-200 px-3 py-2 text-sm dark:border-slate-800">
            <span className="tabular-nums text-slate-500 dark:text-slate-400" data-testid="agent-range">
              {view.from}–{view.to} of {rows.length}
            </span>
            <div className="flex items-center gap-2">
              <Button variant="ghost" size="compact" onClick={() => setPage(view.page - 1)} disabled={view.page === 0}>
                Previous
              </Button>
              <span className="tabular-nums">
                Page {view.page + 1} of {view.pages}
              </span>
              <Button variant="ghost" size="compact" onClick={() => setPage(view.page + 1)} disabled={view.page >= view.pages - 1}>
                Next
              </Button>
            </div>
          </div>
        </div>
      )}
    </div>
  );
}

/** One agent: failed, down or open-circuit rows are tinted. */
function AgentTableRow({ swarm, a }: { swarm: string; a: AgentItem }) {
  return (
    <TableRow
      className={`h-10 ${a.state === "failed" || a.state === "down" || a.circuit_state === "open" ? "bg-rose-50 dark:bg-rose-950/20" : ""}`}
      data-testid="agent-row"
      data-agent={a.id}
    >
      <Cell className="max-w-64 truncate font-mono">
        <Link
          href={`/swarms/${swarm}/agents/${encodeURIComponent(a.id)}`}
          className={`text-sky-700 hover:underline ${focusRing} dark:text-sky-300`}
        >
          {a.id}
        </Link>
      </Cell>
      <Cell>
        <StateBadge state={a.state} silence={a.silence} />
      </Cell>
      <Cell numeric>{pct(a.success_rate)}</Cell>
      <Cell numeric>{formatDuration(a.p95_duration_ms)}</Cell>
      <Cell
        numeric
        className={a.heartbeat_age_ms !== null && a.heartbeat_age_ms > 30_000 ? "font-semibold text-rose-600 dark:text-rose-400" : ""}
      >
        {a.heartbeat_age_ms === null ? "—" : formatAge(a.heartbeat_age_ms)}
      </Cell>
      <Cell>
        <CircuitBadge state={a.circuit_state} />
      </Cell>
      <Cell numeric>{Math.round(a.health_score * 100)}</Cell>
      <Cell
        className={`text-xs ${a.health_state && a.health_state !== "healthy" ? "font-medium text-amber-700 dark:text-amber-300" : "text-slate-500 dark:text-slate-400"}`}
      >
        {a.health_state ?? "—"}
      </Cell>
    </TableRow>
  );
}
