// The audit entries: when, who, what, target, result, and the recorded detail on demand.
import { focusRing } from "@/components/ui/focus-ring";
import { Cell, HeaderCell, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import type { AuditItem } from "@/lib/browser/api/audit";

const RESULT: Record<string, string> = {
  ok: "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300",
  denied: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  conflict: "bg-amber-500/15 text-amber-700 dark:text-amber-300",
  error: "bg-rose-500/15 text-rose-700 dark:text-rose-300",
};

const hasDetail = (d: unknown) => typeof d === "object" && d !== null && Object.keys(d).length > 0;

/** The table of audit entries. */
export function AuditTable({ items }: { items: AuditItem[] }) {
  return (
    <div className="overflow-x-auto rounded-xl border border-slate-200 dark:border-slate-800">
      <Table look="shaded" label="Audit log">
        <TableHead>
          <HeaderCell>When</HeaderCell>
          <HeaderCell>Who</HeaderCell>
          <HeaderCell>What</HeaderCell>
          <HeaderCell>Target</HeaderCell>
          <HeaderCell>Result</HeaderCell>
          <HeaderCell>Detail</HeaderCell>
        </TableHead>
        <TableBody>
          {items.map((i) => (
            <TableRow key={i.id} data-testid="audit-row" className="align-top">
              <Cell className="whitespace-nowrap text-xs tabular-nums">
                <time dateTime={i.at}>{new Date(i.at).toLocaleString()}</time>
              </Cell>
              <Cell>
                <span className="break-all">{i.actor ?? "—"}</span>
                <span className="ml-1 text-xs text-slate-500">({i.actor_type})</span>
              </Cell>
              <Cell className="font-mono text-xs">{i.action}</Cell>
              <Cell className="font-mono text-xs">
                {i.target ?? "—"}
                {i.swarm && !i.target?.endsWith(`:${i.swarm}`) && <span className="block text-slate-500">in {i.swarm}</span>}
              </Cell>
              <Cell>
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${RESULT[i.result] ?? RESULT.error}`}>{i.result}</span>
              </Cell>
              <Cell className="max-w-md">
                {hasDetail(i.detail) ? (
                  <details>
                    <summary className={`cursor-pointer text-xs text-sky-700 ${focusRing} dark:text-sky-400`}>Show</summary>
                    <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-950">
                      {JSON.stringify(i.detail, null, 2)}
                    </pre>
                  </details>
                ) : (
                  <span className="text-xs text-slate-500">—</span>
                )}
              </Cell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
