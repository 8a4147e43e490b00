// Small status badges shared by the agent table and the drill-down.
import type { AgentItem, Degradation } from "@/lib/contract/items/agents";

const STATE: Record<string, string> = {
  down: "bg-rose-600 text-white",
  failed: "bg-rose-600 text-white",
  busy: "bg-sky-100 text-sky-800 dark:bg-sky-900/50 dark:text-sky-200",
  active: "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200",
  idle: "bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200",
};
const CIRCUIT: Record<string, string> = {
  open: "bg-rose-600 text-white",
  half_open: "bg-amber-400 text-amber-950",
  closed: "text-slate-600 dark:text-slate-300",
};

/** Why an agent is down by its silence: "silent for N s, expected every M s". */
function silenceText(s: NonNullable<AgentItem["silence"]>): string {
  return `silent for ${Math.round(s.silent_for_ms / 1000)} s, expected every ${Math.round(s.expected_every_ms / 100) / 10} s`;
}

/** The agent's state; a silent agent's badge says how long it has been silent. */
export function StateBadge({ state, silence = null }: { state: AgentItem["state"]; silence?: AgentItem["silence"] }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATE[state] ?? ""}`}>{state}</span>
      {silence && (
        <span className="whitespace-nowrap text-xs text-rose-700 dark:text-rose-300" data-testid="agent-silence">
          {silenceText(silence)}
        </span>
      )}
    </span>
  );
}

/** The agent's circuit-breaker state ("—" when no breaker is configured). */
export function CircuitBadge({ state }: { state: AgentItem["circuit_state"] }) {
  if (state === null)
    return (
      <span className="text-slate-400" title="No circuit breaker configured for this swarm">
        —
      </span>
    );
  return <span className={`rounded px-1.5 py-0.5 text-xs font-medium ${CIRCUIT[state] ?? ""}`}>{state.replace("_", "-")}</span>;
}

/** The swarm's degradation level: calm at FULL, loud when reduced. */
export function DegradationBadge({ degradation }: { degradation: Degradation }) {
  if (degradation === null)
    return (
      <span className="text-sm text-slate-500 dark:text-slate-400" data-testid="degradation">
        Degradation: not managed
      </span>
    );
  const reduced = degradation.level > 0;
  return (
    <span
      data-testid="degradation"
      className={`rounded-md px-2 py-1 text-sm font-medium ${reduced ? "bg-amber-400 text-amber-950" : "bg-emerald-100 text-emerald-800 dark:bg-emerald-900/40 dark:text-emerald-200"}`}
    >
      Degradation level {degradation.level} · {degradation.name}
    </span>
  );
}
