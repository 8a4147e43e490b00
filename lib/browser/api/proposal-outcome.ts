// What a proposal led to, in the words its card uses: the healing an approval started (its commands' progress, then
// healed / failed / not run and why), a silence of the engine after an approval, a fault that happened before anyone
// decided, or an observation that was never a proposal.
import type { CommandItem, HealingItem, PredictionItem } from "./types";

/** After this long without a healing, an approved proposal says it is waiting for the engine. */
export const ENGINE_WAIT_MS = 10_000;

/** Where a decided (or observed) prediction stands. */
export type OutcomeState = "starting" | "waiting" | "running" | "healed" | "failed" | "not_run" | "happened" | "observed";

/** The card's line about what a proposal led to; `healing` is the healing it started, when known. */
export type ProposalOutcome = { state: OutcomeState; text: string; healing: HealingItem | null };

const COMMAND_PHRASE: Record<string, string> = {
  pending: "queued for the coordinator (pending)",
  dispatched: "sent to the coordinator (dispatched)",
  acknowledged: "received by the coordinator (acknowledged)",
  succeeded: "done by the coordinator (succeeded)",
  failed: "failed at the coordinator (failed)",
  timed_out: "not answered by the coordinator in time (timed out)",
};
const COMMAND_DONE = new Set(["succeeded", "failed", "timed_out"]);

/** "restart_agent sent to the coordinator (dispatched)" for each command, in issue order. */
function commandsText(commands: readonly CommandItem[]): string {
  if (commands.length === 0) return "no command sent yet";
  const each = commands.map((c) => `${c.kind} ${COMMAND_PHRASE[c.status] ?? `(${c.status})`}`).join("; ");
  return commands.every((c) => COMMAND_DONE.has(c.status)) ? `${each}; verifying the recovery` : each;
}

/** The outcome line of a healing an approval started. */
function healingOutcome(h: HealingItem): ProposalOutcome {
  switch (h.status) {
    case "succeeded":
      return { state: "healed", text: "Healed", healing: h };
    case "failed":
      return { state: "failed", text: `Healing failed: ${h.reason ?? "no reason given"}`, healing: h };
    case "cancelled":
      return { state: "not_run", text: `Not run: ${h.reason ?? "no reason given"}`, healing: h };
    default:
      return {
        state: "running",
        text: `Healing ${h.status === "pending" ? "queued" : "running"} — ${commandsText(h.commands)}`,
        healing: h,
      };
  }
}

/**
 * What the prediction led to at `now`, or null while nothing is to be said (open, rejected, expired unseen).
 * An approved one without a known healing is "starting" for ENGINE_WAIT_MS after the decision, then "waiting".
 */
export function proposalOutcome(p: PredictionItem, healing: HealingItem | undefined, now: number): ProposalOutcome | null {
  if (p.status === "observed")
    return { state: "observed", text: "An observation, not a proposal: there is nothing to approve.", healing: null };
  if (p.status === "expired" && p.decision_reason?.startsWith("happened:"))
    return { state: "happened", text: "Happened before a decision — being handled as a detected fault", healing: null };
  if (p.status !== "approved") return null;
  if (healing) return healingOutcome(healing);
  const decidedAt = p.decided_at ? Date.parse(p.decided_at) : Number.NaN;
  if (!Number.isNaN(decidedAt) && now - decidedAt < ENGINE_WAIT_MS)
    return { state: "starting", text: "Starting the healing…", healing: null };
  return { state: "waiting", text: "Waiting for the engine… no healing has started yet.", healing: null };
}

/** The healing history screen filtered to the healing's kind, where it is listed among the newest. */
export function healingHistoryHref(swarm: string, h: HealingItem): string {
  const qs = new URLSearchParams({ trigger: h.trigger, strategy: h.strategy, failure_type: h.failure_type });
  return `/swarms/${encodeURIComponent(swarm)}/healing?${qs}`;
}
