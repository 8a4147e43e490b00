// The prediction rows: when, what failure for which agent (and why it is predicted), source, confidence, status,
// outcome, expected time, and what a decision led to. No row offers a decision: proposals are decided on the overview.
import { ProposalOutcomeLine } from "@/components/overview/proposal-outcome-line";
import { Badge, type Tone } from "@/components/ui/badge";
import { Cell, HeaderCell, RowHeader, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { formatPercent } from "@/lib/browser/view/charts/format-units";
import { proposalOutcome } from "@/lib/browser/api/proposal-outcome";
import type { PredictionItem } from "@/lib/contract/items/predictions";
import type { HealingItem } from "@/lib/browser/api/types";

const STATUS_TONE: Record<string, Tone> = { open: "neutral", approved: "good", rejected: "bad", expired: "muted", observed: "muted" };
const OUTCOME_TONE: Record<string, Tone> = { confirmed: "good", prevented: "good", false_positive: "bad", rejected: "warn" };
const time = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
const at = (iso: string | null) => (iso ? <time dateTime={iso}>{time.format(Date.parse(iso))}</time> : "—");

/** The prediction table; `healings` holds the healing each approved prediction started, by prediction id. */
export function PredictionTable({
  swarm,
  items,
  healings,
  now,
}: {
  swarm: string;
  items: readonly PredictionItem[];
  healings: ReadonlyMap<string, HealingItem>;
  now: number;
}) {
  return (
    <div className="overflow-x-auto">
      <Table look="ruled" caption="Predictions, newest first">
        <TableHead>
          <HeaderCell>Predicted</HeaderCell>
          <HeaderCell>Failure</HeaderCell>
          <HeaderCell>Agent</HeaderCell>
          <HeaderCell>Source</HeaderCell>
          <HeaderCell numeric>Confidence</HeaderCell>
          <HeaderCell>Status</HeaderCell>
          <HeaderCell>Outcome</HeaderCell>
          <HeaderCell>Expected</HeaderCell>
          <HeaderCell>What happened</HeaderCell>
        </TableHead>
        <TableBody>
          {items.map((p) => (
            <TableRow key={p.id} data-testid="prediction-row" data-id={p.id} data-status={p.status}>
              <RowHeader className="font-normal whitespace-nowrap tabular-nums">{at(p.predicted_at)}</RowHeader>
              <Cell>
                <span className="font-medium">{p.failure_type.replace(/_/g, " ")}</span>
                {p.reasoning && (
                  <p className="mt-1 max-w-md text-xs text-slate-500 dark:text-slate-400" data-testid="prediction-reasoning">
                    {p.reasoning}
                  </p>
                )}
              </Cell>
              <Cell className="font-mono text-xs">{p.agent_id ?? "—"}</Cell>
              <Cell>{p.source}</Cell>
              <Cell numeric>
                <span className="inline-flex items-center gap-2">
                  <span aria-hidden className="h-1.5 w-14 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
                    <span
                      className={`block h-full ${p.confidence >= 0.7 ? "bg-sky-500" : "bg-slate-400"}`}
                      style={{ width: `${Math.round(p.confidence * 100)}%` }}
                    />
                  </span>
                  <span className="tabular-nums">{formatPercent(p.confidence)}</span>
                </span>
              </Cell>
              <Cell>
                <Badge tone={STATUS_TONE[p.status] ?? "muted"}>{p.status}</Badge>
              </Cell>
              <Cell>
                {p.outcome ? (
                  <Badge tone={OUTCOME_TONE[p.outcome] ?? "muted"}>{p.outcome.replace(/_/g, " ")}</Badge>
                ) : (
                  <span className="text-slate-400">pending</span>
                )}
              </Cell>
              <Cell className="whitespace-nowrap tabular-nums">{at(p.expected_at)}</Cell>
              <Cell>
                <ProposalOutcomeLine swarm={swarm} outcome={proposalOutcome(p, healings.get(p.id), now)} className="max-w-xs text-xs" />
              </Cell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
