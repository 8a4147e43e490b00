// The strategy rows as a table: counts, success rate, trend arrow, verdict badge, heal duration and MTTR.
import { Badge } from "@/components/ui/badge";
import { Cell, HeaderCell, RowHeader, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { formatDuration } from "@/lib/browser/view/charts/format-units";
import type { StrategyChartRow } from "@/lib/browser/view/charts/prepare-strategy-rows";

const TREND_TONE = {
  improving: "text-emerald-600 dark:text-emerald-400",
  stable: "text-slate-500 dark:text-slate-400",
  degrading: "text-rose-600 dark:text-rose-400",
} as const;

/** One row per strategy. */
export function StrategyTable({ rows }: { rows: readonly StrategyChartRow[] }) {
  return (
    <div className="overflow-x-auto">
      <Table look="dense" label="Strategy effectiveness">
        <TableHead>
          <HeaderCell>Strategy</HeaderCell>
          <HeaderCell numeric>Succeeded</HeaderCell>
          <HeaderCell numeric>Failed</HeaderCell>
          <HeaderCell numeric>Rate</HeaderCell>
          <HeaderCell>Trend</HeaderCell>
          <HeaderCell>Verdict</HeaderCell>
          <HeaderCell numeric>Heal</HeaderCell>
          <HeaderCell numeric>MTTR</HeaderCell>
        </TableHead>
        <TableBody>
          {rows.map((r) => (
            <TableRow key={r.strategy} data-testid="strategy-row">
              <RowHeader className="whitespace-nowrap font-medium" title={r.strategy}>
                {r.label}
              </RowHeader>
              <Cell numeric>{r.success_count}</Cell>
              <Cell numeric>{r.failure_count}</Cell>
              <Cell numeric>{r.success_pct}%</Cell>
              <Cell className={`whitespace-nowrap ${TREND_TONE[r.trend]}`}>
                <span aria-hidden>{r.trend_arrow}</span> {r.trend}
              </Cell>
              <Cell>
                <Badge tone={r.tone}>{r.recommendation}</Badge>
              </Cell>
              <Cell numeric className="whitespace-nowrap">
                {formatDuration(r.avg_heal_ms)}
              </Cell>
              <Cell numeric className="whitespace-nowrap">
                {formatDuration(r.mttr_ms)}
              </Cell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
