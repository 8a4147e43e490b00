"use client";
// A swarm that has sent no event for over a minute is "silent": its card and its header say so plainly, with how
// long, and its live figures are greyed out (they are the last ones received, not the present).
import { useNow } from "@/lib/browser/hooks/use-now";
import { useSwarms } from "@/lib/browser/api/swarms";
import { NO_DATA_AFTER_MS, silenceText, silentForMs } from "@/lib/contract/items/swarm-status";

/** How long the swarm has been silent (ms), re-derived as time passes, or null while it sends. */
export function useSilentFor(lastEventAt: string | null | undefined): number | null {
  const now = useNow(5_000);
  return silentForMs(lastEventAt ? Date.parse(lastEventAt) : null, now);
}

/** "Silent — no events for 7 min". */
export function silentLabel(silentMs: number): string {
  return `Silent — no events for ${silenceText(silentMs)}`;
}

/** The strip under a silent swarm's header (nothing while it sends); `data-swarm-silent` greys out the overview's
 * live figures (app/globals.css). */
export function SwarmSilenceBanner({ swarm }: { swarm: string }) {
  const { data } = useSwarms();
  const silent = useSilentFor(data?.find((s) => s.name === swarm)?.last_event_at);
  if (silent === null) return null;
  return (
    <div
      role="status"
      data-testid="swarm-silent"
      data-swarm-silent
      className="border-b border-amber-300 bg-amber-50 dark:border-amber-900 dark:bg-amber-950/40"
    >
      <p className="mx-auto max-w-7xl px-6 py-2 text-sm text-amber-900 dark:text-amber-100">
        <span className="font-semibold">{silentLabel(silent)}.</span> The live figures are the last ones received. Healings and bottlenecks
        still open after {silenceText(NO_DATA_AFTER_MS)} of silence are closed as &ldquo;no data&rdquo;.
      </p>
    </div>
  );
}
