"use client";
// The patterns the engine has learned for the swarm: confidence, occurrences, episodes, lift, lead time, measured hit rate.
import { useState } from "react";
import { Panel } from "@/components/ui/panel";
import { EmptyState, ErrorState, Skeleton } from "@/components/ui/query-states";
import { formatPercent } from "@/lib/browser/view/charts/format-units";
import { usePatterns } from "@/lib/browser/api/predictions";

const th = "whitespace-nowrap px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400";
const td = "px-3 py-2 align-top";
const FIRST = 10;
const joinerOf = (type: string) => (type === "correlation" || type === "sequence" || type === "temporal" ? " → " : ", ");
/** "3/4 (75 %)", or "—" before any of the pattern's predictions settled. */
const hitRateText = (p: { hits: number; misses: number; hit_rate: number | null }) => (p.hit_rate === null ? "—" : `${p.hits}/${p.hits + p.misses} (${formatPercent(p.hit_rate)})`);

/** The learned-patterns panel. */
export function PatternsPanel({ swarm }: { swarm: string }) {
  const { data, error, isPending, refetch } = usePatterns(swarm);
  const [all, setAll] = useState(false);
  const shown = all ? data : data?.slice(0, FIRST);
  return (
    <Panel title="Learned patterns" description="Events that precede a failure on the same agent more often than chance; a pattern proposes healing only once its own predictions have hit often enough." testId="patterns-panel">
      {isPending ? (
        <Skeleton label="Loading learned patterns" className="h-40" />
      ) : error && !data ? (
        <ErrorState title="Could not load learned patterns." error={error} onRetry={() => void refetch()} />
      ) : data.length === 0 ? (
        <EmptyState title="No patterns learned yet" className="h-40">
          The engine learns a pattern once an event has preceded the same kind of failure in at least 3 episodes, at least twice as often as chance.
        </EmptyState>
      ) : (
        <div className="overflow-x-auto">
          <table className="w-full text-sm">
            <caption className="sr-only">Learned patterns, most confident first</caption>
            <thead className="border-b border-slate-200 dark:border-slate-800">
              <tr>
                <th scope="col" className={th}>Pattern</th>
                <th scope="col" className={th}>Type</th>
                <th scope="col" className={th}>Events</th>
                <th scope="col" className={`${th} text-right`}>Confidence</th>
                <th scope="col" className={`${th} text-right`}>Occurrences</th>
                <th scope="col" className={`${th} text-right`}>Episodes</th>
                <th scope="col" className={`${th} text-right`}>Lift</th>
                <th scope="col" className={`${th} text-right`}>Lead</th>
                <th scope="col" className={`${th} text-right`}>Hit rate</th>
              </tr>
            </thead>
            <tbody>
              {shown!.map((p) => (
                <tr key={p.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60" data-testid="pattern-row">
                  <th scope="row" className={`${td} text-left font-medium`}>{p.description}</th>
                  <td className={td}>{p.type}</td>
                  <td className={td}>
                    <span className="font-mono text-xs">{p.events.join(joinerOf(p.type))}</span>
                  </td>
                  <td className={`${td} text-right tabular-nums`}>{formatPercent(p.confidence)}</td>
                  <td className={`${td} text-right tabular-nums`}>{p.occurrences.toLocaleString("en-US")}</td>
                  <td className={`${td} text-right tabular-nums`}>{p.support.toLocaleString("en-US")}</td>
                  <td className={`${td} text-right tabular-nums`}>{`${p.lift.toFixed(1)}×`}</td>
                  <td className={`${td} text-right tabular-nums`}>{`${Math.round(p.lead_ms / 1000)} s`}</td>
                  <td className={`${td} text-right tabular-nums`} data-testid="pattern-hit-rate">{hitRateText(p)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {data.length > FIRST && (
            <div className="mt-4 flex justify-center">
              <button
                type="button"
                aria-expanded={all}
                onClick={() => setAll(!all)}
                className="rounded-md border border-slate-300 px-4 py-1.5 text-sm font-medium hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:hover:bg-slate-800"
              >
                {all ? `Show the ${FIRST} most confident` : `Show all ${data.length} patterns`}
              </button>
            </div>
          )}
        </div>
      )}
    </Panel>
  );
}
