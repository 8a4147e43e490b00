"use client";
// Demo controls (admin, demo swarm only): start a fault scenario, then watch it be detected, predicted and healed.
import { type FormEvent, useState } from "react";
import { ErrorState, Skeleton } from "@/components/ui/query-states";
import { Panel } from "@/components/ui/panel";
import { humanize } from "@/lib/browser/view/format/labels";
import { formatAge } from "@/lib/browser/view/format/time";
import { useNow } from "@/lib/browser/hooks/use-now";
import { useDemo, useInjectFault } from "@/lib/browser/api/demo";

/** The demo fault panel. */
export function DemoControls() {
  const q = useDemo();
  const inject = useInjectFault();
  const now = useNow();
  const [scenario, setScenario] = useState("");
  const chosen = scenario || q.data?.scenarios[0]?.name || "";
  const description = q.data?.scenarios.find((s) => s.name === chosen)?.description;

  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const duration = Number(new FormData(e.currentTarget).get("duration") ?? 120);
    inject.mutate({ scenario: chosen, duration_s: duration });
  };

  return (
    <Panel title="Demo faults" testId="demo-controls">
      {q.isPending ? (
        <Skeleton rows={2} label="Loading demo controls" />
      ) : q.error ? (
        <ErrorState title="Could not load the demo controls." error={q.error} onRetry={() => void q.refetch()} />
      ) : !q.data.running ? (
        <p className="text-sm text-slate-500 dark:text-slate-400">The demo swarm is not running (DEMO=off, or a real swarm exists).</p>
      ) : (
        <>
          <form onSubmit={submit} className="space-y-3">
            <label className="block text-sm font-medium">
              Scenario
              <select
                value={chosen}
                onChange={(e) => setScenario(e.target.value)}
                className="mt-1 w-full rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700 dark:bg-slate-900"
              >
                {q.data.scenarios.map((s) => (
                  <option key={s.name} value={s.name}>
                    {humanize(s.name)}
                  </option>
                ))}
              </select>
            </label>
            <p className="min-h-10 text-xs text-slate-500 dark:text-slate-400">{description}</p>
            <div className="flex items-end gap-2">
              <label className="block text-sm font-medium">
                Duration (s)
                <input
                  name="duration"
                  type="number"
                  min={10}
                  max={3600}
                  defaultValue={120}
                  className="mt-1 w-24 rounded-md border border-slate-300 bg-transparent px-2 py-1.5 text-sm tabular-nums focus-visible:outline-2 focus-visible:outline-sky-500 dark:border-slate-700"
                />
              </label>
              <button
                type="submit"
                disabled={inject.isPending || !chosen}
                className="rounded-md bg-violet-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-violet-500 focus-visible:outline-2 focus-visible:outline-sky-500 disabled:opacity-60"
              >
                Inject fault
              </button>
            </div>
            {inject.error && (
              <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
                {inject.error.message}
              </p>
            )}
          </form>
          <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">In effect</h3>
          {q.data.faults.length === 0 ? (
            <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">No fault injected: the demo runs clean.</p>
          ) : (
            <ul className="mt-1 space-y-1 text-sm" data-testid="demo-faults">
              {q.data.faults.map((f) => (
                <li key={f.id} className="flex justify-between gap-2">
                  <span>
                    {humanize(f.scenario)} <span className="font-mono text-xs text-slate-500">{f.targets.join(", ")}</span>
                  </span>
                  <span className="tabular-nums text-xs text-slate-500">{f.ends_at ? `${formatAge(Date.parse(f.ends_at) - now)} left` : "until healed"}</span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </Panel>
  );
}
