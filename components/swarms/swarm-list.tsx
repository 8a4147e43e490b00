"use client";
// The swarm list: loading skeleton, error with retry, empty state with how to send a first event,
// and one card per swarm whose events/s moves with the live ticks.
import { LiveFigures } from "@/components/shell/live-figures";
import { useSwarmSubscriptions } from "@/lib/browser/api/live-socket";
import { useSwarms } from "@/lib/browser/api/swarms";
import { SwarmCard } from "./swarm-card";
import { FirstEventHelp } from "./first-event-help";

/** Lists swarms with live figures. */
export function SwarmList() {
  const { data, error, isPending, refetch } = useSwarms();
  useSwarmSubscriptions(data?.map((s) => s.name) ?? []);

  if (isPending) {
    return (
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-busy="true" aria-label="Loading swarms">
        {[0, 1, 2].map((i) => (
          <div key={i} className="h-36 animate-pulse rounded-xl bg-slate-200 dark:bg-slate-800" />
        ))}
      </div>
    );
  }
  if (error) {
    return (
      <div role="alert" className="rounded-xl border border-rose-300 bg-rose-50 p-6 dark:border-rose-900 dark:bg-rose-950/40">
        <p className="font-medium">Could not load swarms.</p>
        <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{error.message}</p>
        <button
          type="button"
          onClick={() => void refetch()}
          className="mt-4 rounded-md bg-rose-600 px-3 py-1.5 text-sm font-medium text-white hover:bg-rose-500"
        >
          Retry
        </button>
      </div>
    );
  }
  if (data.length === 0) return <FirstEventHelp />;
  return (
    <LiveFigures>
      <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3" aria-label="Swarms">
        {data.map((s) => (
          <li key={s.name}>
            <SwarmCard swarm={s} />
          </li>
        ))}
      </ul>
    </LiveFigures>
  );
}
