// The prediction rows: when, what failure for which agent (and why it is predicted), source, confidence, status,
// outcome, expected time, and what a decision led to. No row offers a decision: proposals are decided on the overview.
import { ProposalOutcomeLine } from "@/components/overview/proposal-outcome-line";
import { type Tone, Badge } from "@/components/ui/badge";
import { formatPercent } from "@/lib/browser/view/charts/format-units";
import { proposalOutcome } from "@/lib/browser/api/proposal-outcome";
import type { PredictionItem } from "@/lib/browser/api/predictions";
import type { HealingItem } from "@/lib/browser/api/types";

const STATUS_TONE: Record<string, Tone> = { open: "neutral", approved: "good", rejected: "bad", expired: "muted", observed: "muted" };
const OUTCOME_TONE: Record<string, Tone> = { confirmed: "good", prevented: "good", false_positive: "bad", rejected: "warn" };
const th = "whitespace-nowrap px-3 py-2 text-left text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400";
const td = "px-3 py-2 align-top";
const time = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric", hour: "2-digit", minute: "2-digit", second: "2-digit" });
const at = (iso: string | null) => (iso ? <time dateTime={iso}>{time.format(Date.parse(iso))}</time> : "—");

/** The prediction table; `healings` holds the healing each approved prediction started, by prediction id. */
export function PredictionTable({ swarm, items, healings, now }: { swarm: string; items: readonly PredictionItem[]; healings: ReadonlyMap<string, HealingItem>; now: number }) {
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-sm">
        <caption className="sr-only">Predictions, newest first</caption>
        <thead className="border-b border-slate-200 dark:border-slate-800">
          <tr>
            <th scope="col" className={th}>Predicted</th>
            <th scope="col" className={th}>Failure</th>
            <th scope="col" className={th}>Agent</th>
            <th scope="col" className={th}>Source</th>
            <th scope="col" className={`${th} text-right`}>Confidence</th>
            <th scope="col" className={th}>Status</th>
            <th scope="col" className={th}>Outcome</th>
            <th scope="col" className={th}>Expected</th>
            <th scope="col" className={th}>What happened</th>
          </tr>
        </thead>
        <tbody>
          {items.map((p) => (
            <tr key={p.id} className="border-b border-slate-100 last:border-0 dark:border-slate-800/60" data-testid="prediction-row" data-id={p.id} data-status={p.status}>
              <th scope="row" className={`${td} text-left font-normal whitespace-nowrap tabular-nums`}>{at(p.predicted_at)}</th>
              <td className={td}>
                <span className="font-medium">{p.failure_type.replace(/_/g, " ")}</span>
                {p.reasoning && <p className="mt-1 max-w-md text-xs text-slate-500 dark:text-slate-400" data-testid="prediction-reasoning">{p.reasoning}</p>}
              </td>
              <td className={`${td} font-mono text-xs`}>{p.agent_id ?? "—"}</td>
              <td className={td}>{p.source}</td>
              <td className={`${td} text-right`}>
                <span className="inline-flex items-center gap-2">
                  <span aria-hidden className="h-1.5 w-14 overflow-hidden rounded-full bg-slate-200 dark:bg-slate-800">
                    <span className={`block h-full ${p.confidence >= 0.7 ? "bg-sky-500" : "bg-slate-400"}`} style={{ width: `${Math.round(p.confidence * 100)}%` }} />
                  </span>
                  <span className="tabular-nums">{formatPercent(p.confidence)}</span>
                </span>
              </td>
              <td className={td}>
                <Badge tone={STATUS_TONE[p.status] ?? "muted"}>{p.status}</Badge>
              </td>
              <td className={td}>{p.outcome ? <Badge tone={OUTCOME_TONE[p.outcome] ?? "muted"}>{p.outcome.replace(/_/g, " ")}</Badge> : <span className="text-slate-400">pending</span>}</td>
              <td className={`${td} whitespace-nowrap tabular-nums`}>{at(p.expected_at)}</td>
              <td className={td}>
                <ProposalOutcomeLine swarm={swarm} outcome={proposalOutcome(p, healings.get(p.id), now)} className="max-w-xs text-xs" />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
