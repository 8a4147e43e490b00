"use client";
// Demo controls (admin, demo swarm only): start a fault scenario, then watch it be detected, predicted and healed.
import { type FormEvent, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Panel } from "@/components/ui/panel";
import { QueryView, Skeleton } from "@/components/ui/query-states";
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
      <QueryView
        query={q}
        loading={<Skeleton rows={2} label="Loading demo controls" />}
        errorTitle="Could not load the demo controls."
        isEmpty={(demo) => !demo.running}
        empty={
          <p className="text-sm text-slate-500 dark:text-slate-400">The demo swarm is not running (DEMO=off, or a real swarm exists).</p>
        }
      >
        {(demo) => (
          <>
            <form onSubmit={submit} className="space-y-3">
              <label className="block text-sm font-medium">
                Scenario
                <Select surface="card" value={chosen} onChange={(e) => setScenario(e.target.value)} className="mt-1 w-full">
                  {demo.scenarios.map((s) => (
                    <option key={s.name} value={s.name}>
                      {humanize(s.name)}
                    </option>
                  ))}
                </Select>
              </label>
              <p className="min-h-10 text-xs text-slate-500 dark:text-slate-400">{description}</p>
              <div className="flex items-end gap-2">
                <label className="block text-sm font-medium">
                  Duration (s)
                  <Input
                    surface="clear"
                    name="duration"
                    type="number"
                    min={10}
                    max={3600}
                    defaultValue={120}
                    className="mt-1 w-24 tabular-nums"
                  />
                </label>
                <Button variant="demo" type="submit" disabled={inject.isPending || !chosen}>
                  Inject fault
                </Button>
              </div>
              {inject.error && (
                <p role="alert" className="text-sm text-rose-600 dark:text-rose-400">
                  {inject.error.message}
                </p>
              )}
            </form>
            <h3 className="mt-4 text-xs font-semibold uppercase tracking-wide text-slate-500 dark:text-slate-400">In effect</h3>
            {demo.faults.length === 0 ? (
              <p className="mt-1 text-sm text-slate-500 dark:text-slate-400">No fault injected: the demo runs clean.</p>
            ) : (
              <ul className="mt-1 space-y-1 text-sm" data-testid="demo-faults">
                {demo.faults.map((f) => (
                  <li key={f.id} className="flex justify-between gap-2">
                    <span>
                      {humanize(f.scenario)} <span className="font-mono text-xs text-slate-500">{f.targets.join(", ")}</span>
                    </span>
                    <span className="tabular-nums text-xs text-slate-500">
                      {f.ends_at ? `${formatAge(Date.parse(f.ends_at) - now)} left` : "until healed"}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </>
        )}
      </QueryView>
    </Panel>
  );
}
