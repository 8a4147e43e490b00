// One swarm: name (a link to its overview, covering the card), status, live events/s, total events and active
// agents (fixed-size tiles: no layout shift); a silent swarm says for how long and its figures are greyed out.
import { silentLabel, useSilentFor } from "./swarm-silence";
import Link from "next/link";
import type { SwarmSummary } from "@/lib/browser/api/swarms";
import { SwarmHealth } from "./swarm-health";

const STATUS: Record<SwarmSummary["status"], string> = {
  active: "bg-emerald-500/15 text-emerald-700 dark:text-emerald-300",
  idle: "bg-slate-500/15 text-slate-600 dark:text-slate-300",
  new: "bg-sky-500/15 text-sky-700 dark:text-sky-300",
  silent: "bg-amber-500/15 text-amber-800 dark:text-amber-300",
};

const fmt = new Intl.NumberFormat("en-US");

/** A swarm card. */
export function SwarmCard({ swarm }: { swarm: SwarmSummary }) {
  const silent = useSilentFor(swarm.last_event_at);
  // The time passing decides silence here: a listed "silent" that events have since moved on reads as active.
  const status = silent !== null ? "silent" : swarm.status === "silent" ? "active" : swarm.status;
  return (
    <article
      className="relative rounded-xl border border-slate-200 bg-white p-5 shadow-sm transition-colors focus-within:border-sky-500 hover:border-sky-400 dark:border-slate-800 dark:bg-slate-900 dark:hover:border-sky-700"
      data-testid={`swarm-${swarm.name}`}
      aria-label={`Swarm ${swarm.name}`}
    >
      <div className="flex items-center justify-between">
        <h2 className="truncate font-mono text-base font-semibold">
          <Link href={`/swarms/${swarm.name}`} className="after:absolute after:inset-0 after:rounded-xl focus-visible:outline-none">
            {swarm.name}
          </Link>
        </h2>
        <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS[status]}`} data-testid="swarm-status">
          {status}
        </span>
      </div>
      {silent !== null && (
        <p className="mt-1 text-sm font-medium text-amber-800 dark:text-amber-300" data-testid="swarm-silent">
          {silentLabel(silent)}
        </p>
      )}
      <dl
        className={`mt-4 grid grid-cols-3 gap-2 text-sm ${silent === null ? "" : "opacity-50 grayscale"}`}
        aria-label={silent === null ? undefined : "Last figures received"}
      >
        <div>
          <dt className="text-slate-500 dark:text-slate-400">events/s</dt>
          <dd className="mt-0.5 text-2xl font-semibold tabular-nums" data-testid="events-per-s">
            {swarm.events_per_s.toFixed(1)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">events</dt>
          <dd className="mt-0.5 text-2xl font-semibold tabular-nums" data-testid="events-total">
            {fmt.format(swarm.events_total)}
          </dd>
        </div>
        <div>
          <dt className="text-slate-500 dark:text-slate-400">agents</dt>
          <dd className="mt-0.5 text-2xl font-semibold tabular-nums">{swarm.agents}</dd>
        </div>
      </dl>
      <SwarmHealth score={swarm.health_score} health={swarm.health} />
    </article>
  );
}
