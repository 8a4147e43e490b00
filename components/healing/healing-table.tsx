// The healing rows: strategy, failure type, trigger, status (with why it ended), heal duration, MTTR, start time and commands.
import { type Tone, Badge } from "@/components/ui/badge";
import { formatDuration } from "@/lib/browser/view/charts/format-units";
import { strategyLabel } from "@/lib/browser/view/charts/prepare-strategy-rows";
import type { HealingItem } from "@/lib/browser/api/healing";

const STATUS_TONE: Record<string, Tone> = { succeeded: "good", failed: "bad", running: "neutral", pending: "muted", cancelled: "muted" };
const COMMAND_MARK: Record<string, string> = { succeeded: "✓", failed: "✗", timed_out: "⏱" };
const th = "whitespace-nowrap px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400";
const td = "px-3 py-2 align-top";
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
      <table className="w-full text-sm">
        <caption className="sr-only">Healing history, newest first</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th scope="col" className={th}>Strategy</th>
            <th scope="col" className={th}>Failure type</th>
            <th scope="col" className={th}>Trigger</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={`${th} text-right`}>Heal duration</th>
            <th scope="col" className={`${th} text-right`}>MTTR (recovery)</th>
            <th scope="col" className={th}>Started</th>
            <th scope="col" className={th}>Commands</th>
          </tr>
        </thead>
        <tbody>
          {items.map((h) => (
            <tr key={h.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60" data-testid="healing-row">
              <th scope="row" className={`${td} whitespace-nowrap text-left font-medium`} title={h.strategy}>{strategyLabel(h.strategy)}</th>
              <td className={`${td} whitespace-nowrap`}>{h.failure_type.replace(/_/g, " ")}</td>
              <td className={td}>{h.trigger}</td>
              <td className={td}>
                <Badge tone={STATUS_TONE[h.status] ?? "muted"}>{h.status}</Badge>
                {h.reason && h.status !== "running" && <p className="mt-1 max-w-xs text-xs text-slate-500 dark:text-slate-400" data-testid="healing-reason">{h.reason}</p>}
              </td>
              <td className={`${td} text-right tabular-nums whitespace-nowrap`}>{formatDuration(h.heal_ms)}</td>
              <td className={`${td} text-right tabular-nums whitespace-nowrap`}>{formatDuration(h.recovery_ms)}</td>
              <td className={`${td} whitespace-nowrap tabular-nums`}>
                {h.started_at && <time dateTime={h.started_at}>{time.format(Date.parse(h.started_at))}</time>}
              </td>
              <td className={td}>
                {h.commands.length === 0 ? (
                  <span className="text-slate-400">—</span>
                ) : (
                  <ul className="flex flex-wrap gap-1">
                    {h.commands.map((c) => (
                      <li key={c.id} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs dark:bg-slate-800" title={c.detail ?? c.status}>
                        {c.kind}
                        {targetOf(c.params) && <span className="text-slate-500 dark:text-slate-400"> {targetOf(c.params)}</span>} <span aria-label={c.status}>{COMMAND_MARK[c.status] ?? "…"}</span>
                      </li>
                    ))}
                  </ul>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
