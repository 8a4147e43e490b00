// The healing rows: strategy, failure type, trigger, status (with why it ended), heal duration, MTTR, start time and commands.
import { Badge, type Tone } from "@/components/ui/badge";
import { Cell, HeaderCell, RowHeader, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { formatDuration } from "@/lib/browser/view/charts/format-units";
import { strategyLabel } from "@/lib/browser/view/charts/prepare-strategy-rows";
import type { HealingItem } from "@/lib/contract/items/healings";

const STATUS_TONE: Record<string, Tone> = { succeeded: "good", failed: "bad", running: "neutral", pending: "muted", cancelled: "muted" };
const COMMAND_MARK: Record<string, string> = { succeeded: "✓", failed: "✗", timed_out: "⏱" };
const targetOf = (params: unknown) => {
  const p = (params ?? {}) as Record<string, unknown>;
  const t = p.agent_id ?? p.task_id;
  return typeof t === "string" ? t : null;
};
const time = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });

/** The history table. */
export function HealingTable({ items }: { items: readonly HealingItem[] }) {
  return (
    <div className="overflow-x-auto">
      <Table look="ruled" caption="Healing history, newest first">
        <TableHead>
          <HeaderCell>Strategy</HeaderCell>
          <HeaderCell>Failure type</HeaderCell>
          <HeaderCell>Trigger</HeaderCell>
          <HeaderCell>Status</HeaderCell>
          <HeaderCell numeric>Heal duration</HeaderCell>
          <HeaderCell numeric>MTTR (recovery)</HeaderCell>
          <HeaderCell>Started</HeaderCell>
          <HeaderCell>Commands</HeaderCell>
        </TableHead>
        <TableBody>
          {items.map((h) => (
            <TableRow key={h.id} data-testid="healing-row">
              <RowHeader className="whitespace-nowrap font-medium" title={h.strategy}>
                {strategyLabel(h.strategy)}
              </RowHeader>
              <Cell className="whitespace-nowrap">{h.failure_type.replace(/_/g, " ")}</Cell>
              <Cell>{h.trigger}</Cell>
              <Cell>
                <Badge tone={STATUS_TONE[h.status] ?? "muted"}>{h.status}</Badge>
                {h.reason && h.status !== "running" && (
                  <p className="mt-1 max-w-xs text-xs text-slate-500 dark:text-slate-400" data-testid="healing-reason">
                    {h.reason}
                  </p>
                )}
              </Cell>
              <Cell numeric className="whitespace-nowrap">
                {formatDuration(h.heal_ms)}
              </Cell>
              <Cell numeric className="whitespace-nowrap">
                {formatDuration(h.recovery_ms)}
              </Cell>
              <Cell className="whitespace-nowrap tabular-nums">
                {h.started_at && <time dateTime={h.started_at}>{time.format(Date.parse(h.started_at))}</time>}
              </Cell>
              <Cell>
                {h.commands.length === 0 ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {h.commands.map((c) => (
                      <li
                        key={c.id}
                        className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800"
                        title={c.detail ?? c.status}
                      >
                        {c.kind}
                        {targetOf(c.params) && <span className="text-slate-500 dark:text-slate-400"> {targetOf(c.params)}</span>}{" "}
                        <span aria-label={c.status}>{COMMAND_MARK[c.status] ?? "…"}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </Cell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
