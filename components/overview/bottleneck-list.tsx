"use client";
// Active bottlenecks: severity colour, age, affected resources, metrics and recommendations; they appear, update
// and resolve live (bottleneck.* events patch the cache).
import { ErrorState, EmptyState, Skeleton } from "@/components/ui/query-states";
import { Panel } from "@/components/ui/panel";
import { ageSince } from "@/lib/browser/view/format/time";
import { humanize, metricText, SEVERITY_STYLE } from "@/lib/browser/view/format/labels";
import { useNow } from "@/lib/browser/hooks/use-now";
import { useActiveBottlenecks } from "@/lib/browser/api/overview";
import type { BottleneckItem } from "@/lib/browser/api/types";

const SEVERITY_RANK: Record<string, number> = { critical: 0, high: 1, medium: 2, low: 3 };

function BottleneckRow({ b, now }: { b: BottleneckItem; now: number }) {
  const resources = Array.isArray(b.affected_resources) ? (b.affected_resources as unknown[]).map(String) : [];
  const recommendations = Array.isArray(b.recommendations) ? (b.recommendations as unknown[]).map(String) : [];
  const metrics = b.metrics && typeof b.metrics === "object" ? Object.entries(b.metrics as Record<string, unknown>).slice(0, 6) : [];
  return (
    <li
      className="rounded-lg border border-slate-200 p-3 dark:border-slate-800"
      data-testid="bottleneck"
      data-type={b.type}
      data-severity={b.severity}
    >
      <div className="flex items-center justify-between gap-2">
        <div className="flex min-w-0 items-center gap-2">
          <span className={`rounded px-1.5 py-0.5 text-xs font-semibold uppercase ${SEVERITY_STYLE[b.severity] ?? SEVERITY_STYLE.low}`}>
            {b.severity}
          </span>
          <span className="truncate font-medium">{humanize(b.type)}</span>
        </div>
        <span className="shrink-0 text-xs tabular-nums text-slate-500 dark:text-slate-400" title={b.detected_at ?? undefined}>
          {ageSince(b.detected_at, now)}
        </span>
      </div>
      {resources.length > 0 && (
        <p className="mt-1 truncate text-xs text-slate-600 dark:text-slate-300">
          Affects: <span className="font-mono">{resources.slice(0, 5).join(", ")}</span>
          {resources.length > 5 && ` +${resources.length - 5}`}
        </p>
      )}
      {metrics.length > 0 && (
        <dl className="mt-2 grid grid-cols-2 gap-x-3 gap-y-0.5 text-xs">
          {metrics.map(([k, v]) => (
            <div key={k} className="flex justify-between gap-2">
              <dt className="truncate text-slate-500 dark:text-slate-400">{humanize(k)}</dt>
              <dd className="tabular-nums">{metricText(v)}</dd>
            </div>
          ))}
        </dl>
      )}
      {recommendations.length > 0 && (
        <ul className="mt-2 list-disc space-y-0.5 pl-4 text-xs text-slate-600 dark:text-slate-300">
          {recommendations.slice(0, 3).map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      )}
    </li>
  );
}

/** The active bottleneck list, most severe first. */
export function BottleneckList({ swarm }: { swarm: string }) {
  const q = useActiveBottlenecks(swarm);
  const now = useNow();
  const items = [...(q.data ?? [])].sort(
    (a, b) => (SEVERITY_RANK[a.severity] ?? 9) - (SEVERITY_RANK[b.severity] ?? 9) || b.impact_score - a.impact_score,
  );
  return (
    <Panel title="Active bottlenecks" count={q.data?.length} testId="bottlenecks">
      {q.isPending ? (
        <Skeleton rows={2} className="h-20" label="Loading bottlenecks" />
      ) : q.error ? (
        <ErrorState title="Could not load bottlenecks." error={q.error} onRetry={() => void q.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState title="No active bottlenecks">
          The detector checks every second; anything it finds appears here without a reload.
        </EmptyState>
      ) : (
        <ul className="max-h-[32rem] space-y-2 overflow-y-auto pr-1">
          {items.map((b) => (
            <BottleneckRow key={b.id} b={b} now={now} />
          ))}
        </ul>
      )}
    </Panel>
  );
}
