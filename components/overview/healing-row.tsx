"use client";
// One healing: status, failure, strategy and trigger, timing, and each command's progress.
import { humanize } from "@/lib/browser/view/format/labels";
import { ageSince, formatDuration } from "@/lib/browser/view/format/time";
import type { CommandItem, HealingItem } from "@/lib/browser/api/types";
import { HealingDecision } from "./healing-decision";

const STATUS: Record<string, { label: string; style: string }> = {
  pending: { label: "awaiting approval", style: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200" },
  running: { label: "running", style: "bg-amber-100 text-amber-900 dark:bg-amber-900/40 dark:text-amber-200" },
  succeeded: { label: "succeeded", style: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200" },
  failed: { label: "failed", style: "bg-rose-600 text-white" },
  cancelled: { label: "cancelled", style: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200" },
};

const CMD_DONE = new Set(["succeeded", "failed", "timed_out", "cancelled"]);
const CMD_STYLE: Record<string, string> = {
  succeeded: "text-emerald-600 dark:text-emerald-400",
  failed: "text-rose-600 dark:text-rose-400",
  timed_out: "text-rose-600 dark:text-rose-400",
};

function target(c: CommandItem): string {
  const p = (c.params ?? {}) as Record<string, unknown>;
  const t = p.agent_id ?? p.task_id ?? p.resource_type ?? p.level_name ?? p.limit;
  return t === undefined || t === null ? "" : String(t);
}

/** A healing row; with `swarm`, a healing waiting for approval offers Approve / Reject. */
export function HealingRow({ h, now, swarm }: { h: HealingItem; now: number; swarm?: string }) {
  const done = h.commands.filter((c) => CMD_DONE.has(c.status)).length;
  const verifying = h.status === "running" && h.commands.length > 0 && done === h.commands.length;
  const s = verifying ? { label: "verifying", style: STATUS.running!.style } : (STATUS[h.status] ?? { label: h.status, style: "" });
  return (
    <li
      className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      data-testid="healing"
      data-id={h.id}
      data-status={h.status}
      data-prediction={h.prediction_id ?? ""}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-2">
          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${s.style}`} data-testid="healing-status">
            {s.label}
          </span>
          <span className="truncate font-medium">{humanize(h.failure_type)}</span>
          <span className="truncate text-xs text-slate-500 dark:text-slate-400">
            {h.strategy} · {h.trigger}
          </span>
        </div>
        <span className="text-xs tabular-nums text-slate-500 dark:text-slate-400">
          {h.finished_at ? `took ${formatDuration(h.heal_ms)}` : `started ${ageSince(h.started_at, now)} ago`}
        </span>
      </div>
      {h.commands.length > 0 && (
        <div className="mt-2">
          <div className="flex items-center gap-2 text-xs text-slate-500 dark:text-slate-400">
            <div className="h-1.5 w-24 rounded bg-slate-200 dark:bg-slate-700" aria-hidden>
              <div className="h-1.5 rounded bg-sky-500" style={{ width: `${(done / h.commands.length) * 100}%` }} />
            </div>
            <span className="tabular-nums">
              {done}/{h.commands.length} commands done
            </span>
          </div>
          <ul className="mt-1 space-y-0.5 text-xs">
            {h.commands.map((c) => (
              <li key={c.id} className="flex justify-between gap-2" data-testid="command" data-status={c.status}>
                <span className="min-w-0 break-all font-mono">
                  {c.kind} {target(c)}
                </span>
                <span className={CMD_STYLE[c.status] ?? "text-slate-500 dark:text-slate-400"}>{c.status.replace("_", " ")}</span>
              </li>
            ))}
          </ul>
        </div>
      )}
      {h.reason && h.status !== "running" && <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">{h.reason}</p>}
      {swarm && <HealingDecision swarm={swarm} h={h} />}
    </li>
  );
}
