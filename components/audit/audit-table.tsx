// The audit entries: when, who, what, target, result, and the recorded detail on demand.
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
      <table className="w-full text-left text-sm" aria-label="Audit log">
        <thead className="bg-slate-100 text-xs uppercase tracking-wide text-slate-500 dark:bg-slate-900 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-3 py-2 font-medium">When</th>
            <th scope="col" className="px-3 py-2 font-medium">Who</th>
            <th scope="col" className="px-3 py-2 font-medium">What</th>
            <th scope="col" className="px-3 py-2 font-medium">Target</th>
            <th scope="col" className="px-3 py-2 font-medium">Result</th>
            <th scope="col" className="px-3 py-2 font-medium">Detail</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
          {items.map((i) => (
            <tr key={i.id} data-testid="audit-row" className="align-top">
              <td className="whitespace-nowrap px-3 py-2 text-xs tabular-nums">
                <time dateTime={i.at}>{new Date(i.at).toLocaleString()}</time>
              </td>
              <td className="px-3 py-2">
                <span className="break-all">{i.actor ?? "—"}</span>
                <span className="ml-1 text-xs text-slate-500">({i.actor_type})</span>
              </td>
              <td className="px-3 py-2 font-mono text-xs">{i.action}</td>
              <td className="px-3 py-2 font-mono text-xs">
                {i.target ?? "—"}
                {i.swarm && !i.target?.endsWith(`:${i.swarm}`) && <span className="block text-slate-500">in {i.swarm}</span>}
              </td>
              <td className="px-3 py-2">
                <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${RESULT[i.result] ?? RESULT.error}`}>{i.result}</span>
              </td>
              <td className="max-w-md px-3 py-2">
                {hasDetail(i.detail) ? (
                  <details>
                    <summary className="cursor-pointer text-xs text-sky-700 focus:outline-none focus-visible:ring-2 focus-visible:ring-sky-500 dark:text-sky-400">Show</summary>
                    <pre className="mt-1 max-h-64 overflow-auto rounded bg-slate-100 p-2 text-xs dark:bg-slate-950">{JSON.stringify(i.detail, null, 2)}</pre>
                  </details>
                ) : (
                  <span className="text-xs text-slate-500">—</span>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
