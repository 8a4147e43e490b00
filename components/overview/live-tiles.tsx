"use client";
// Fixed-size live tiles from metrics.tick: events/s, active agents, queue depth, token usage (tabular figures, no
// layout shift when numbers change).
import type { MetricsTick } from "@/lib/contract/items/metrics";

const int = new Intl.NumberFormat("en-US");

function Tile({
  label,
  value,
  testId,
  hint,
  hintTestId,
  warn = false,
}: {
  label: string;
  value: string;
  testId: string;
  hint?: string | undefined;
  hintTestId?: string;
  warn?: boolean;
}) {
  return (
    <div
      className={`h-24 rounded-lg border p-3 ${warn ? "border-amber-400 bg-amber-50 dark:border-amber-700 dark:bg-amber-950/30" : "border-slate-200 dark:border-slate-800"}`}
    >
      <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">{label}</p>
      <p className="mt-1 truncate text-3xl font-semibold tabular-nums" data-testid={testId}>
        {value}
      </p>
      {hint && (
        <p className="truncate text-xs tabular-nums text-slate-500 dark:text-slate-400" data-testid={hintTestId}>
          {hint}
        </p>
      )}
    </div>
  );
}

/** The four live tiles (placeholders until the first tick). */
export function LiveTiles({ tick }: { tick: MetricsTick | undefined }) {
  const dash = "—";
  const tokens = tick?.token_usage ?? null;
  return (
    <div className="grid grid-cols-2 gap-3" aria-busy={tick ? undefined : true}>
      <Tile
        label="Events/s"
        testId="tile-events-per-s"
        value={tick ? tick.events_per_s.toFixed(1) : dash}
        hint={tick ? `${int.format(tick.events_total)} total` : undefined}
        hintTestId="tile-events-total"
      />
      <Tile
        label="Active agents"
        testId="tile-active-agents"
        value={tick ? int.format(tick.active_agents) : dash}
        hint="seen in the last minute"
      />
      <Tile
        label="Queue depth"
        testId="tile-queue-depth"
        value={tick?.queue_depth != null ? int.format(tick.queue_depth) : dash}
        hint={tick?.queue_depth == null ? "not reported" : "pending tasks"}
      />
      <Tile
        label="Token usage"
        testId="tile-token-usage"
        value={tokens !== null ? `${tokens.toFixed(1)}%` : dash}
        hint={tokens === null ? "not reported" : "of budget"}
        warn={tokens !== null && tokens >= 90}
      />
    </div>
  );
}
