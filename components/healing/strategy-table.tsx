// The strategy rows as a table: counts, success rate, trend arrow, verdict badge, heal duration and MTTR.
import { Badge } from "@/components/ui/badge";
import { formatDuration } from "@/lib/browser/view/charts/format-units";
import type { StrategyChartRow } from "@/lib/browser/view/charts/prepare-strategy-rows";

const TREND_TONE = { improving: "text-emerald-600 dark:text-emerald-400", stable: "text-slate-500 dark:text-slate-400", degrading: "text-rose-600 dark:text-rose-400" } as const;
const th = "whitespace-nowrap px-2 py-1.5 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400";

/** One row per strategy. */
export function StrategyTable({ rows }: { rows: readonly StrategyChartRow[] }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm" aria-label="Strategy effectiveness">
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th scope="col" className={th}>Strategy</th>
            <th scope="col" className={`${th} text-right`}>Succeeded</th>
            <th scope="col" className={`${th} text-right`}>Failed</th>
            <th scope="col" className={`${th} text-right`}>Rate</th>
            <th scope="col" className={th}>Trend</th>
            <th scope="col" className={th}>Verdict</th>
            <th scope="col" className={`${th} text-right`}>Heal</th>
            <th scope="col" className={`${th} text-right`}>MTTR</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.strategy} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60" data-testid="strategy-row">
              <th scope="row" className="whitespace-nowrap px-2 py-1.5 text-left font-medium" title={r.strategy}>{r.label}</th>
              <td className="px-2 py-1.5 text-right tabular-nums">{r.success_count}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{r.failure_count}</td>
              <td className="px-2 py-1.5 text-right tabular-nums">{r.success_pct}%</td>
              <td className={`px-2 py-1.5 whitespace-nowrap ${TREND_TONE[r.trend]}`}>
                <span aria-hidden>{r.trend_arrow}</span> {r.trend}
              </td>
              <td className="px-2 py-1.5">
                <Badge tone={r.tone}>{r.recommendation}</Badge>
              </td>
              <td className="px-2 py-1.5 text-right tabular-nums whitespace-nowrap">{formatDuration(r.avg_heal_ms)}</td>
              <td className="px-2 py-1.5 text-right tabular-nums whitespace-nowrap">{formatDuration(r.mttr_ms)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
