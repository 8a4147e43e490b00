// Pure patches of cached lists by live events: each returns a new list (or the same one when nothing changed).
import type { BottleneckItem, CommandItem, HealingItem, IncidentItem, PredictionItem } from "./types";

/** How many recent healings the overview keeps. */
export const RECENT_HEALINGS = 12;

/** bottleneck.detected / updated / resolved on the list of active bottlenecks (newest first). */
export function patchBottlenecks(
  list: BottleneckItem[] | undefined,
  b: BottleneckItem,
  kind: "detected" | "updated" | "resolved",
): BottleneckItem[] | undefined {
  if (!list) return list;
  const rest = list.filter((x) => x.id !== b.id);
  if (kind === "resolved" || b.status === "resolved") return rest.length === list.length ? list : rest;
  const i = list.findIndex((x) => x.id === b.id);
  if (i === -1) return [b, ...list];
  const next = list.slice();
  next[i] = b;
  return next;
}

/** incident.updated on the list of open incidents (newest first): a resolved one leaves, others are added or replaced. */
export function patchIncidents(list: IncidentItem[] | undefined, i: IncidentItem): IncidentItem[] | undefined {
  if (!list) return list;
  const at = list.findIndex((x) => x.id === i.id);
  if (i.state === "resolved") return at === -1 ? list : list.filter((x) => x.id !== i.id);
  if (at === -1) return [i, ...list];
  const next = list.slice();
  next[at] = i;
  return next;
}

/**
 * prediction.created / updated on the proposal list: a new open proposal is added on top; a known one is replaced
 * in place (so a decision or expiry made anywhere shows at once, with who decided); observed ones are ignored.
 */
export function patchProposals(list: PredictionItem[] | undefined, p: PredictionItem): PredictionItem[] | undefined {
  if (!list) return list;
  const i = list.findIndex((x) => x.id === p.id);
  if (i === -1) return p.status === "open" ? [p, ...list] : list;
  const next = list.slice();
  next[i] = p;
  return next;
}

/** healing.started / finished: upserts the healing (keeping the commands already known, and who decided on it: the
 * engine's own updates do not carry the decision), newest first, bounded. */
export function patchHealings(list: HealingItem[] | undefined, h: HealingItem, max = RECENT_HEALINGS): HealingItem[] | undefined {
  if (!list) return list;
  const i = list.findIndex((x) => x.id === h.id);
  if (i === -1) return [h, ...list].slice(0, max);
  const prev = list[i]!;
  const next = list.slice();
  const decision = {
    decided_by: h.decided_by ?? prev.decided_by,
    decided_at: h.decided_at ?? prev.decided_at,
    decision_reason: h.decision_reason ?? prev.decision_reason,
    first_approved_by: h.first_approved_by ?? prev.first_approved_by,
  };
  next[i] = { ...h, ...decision, commands: mergeCommands(prev.commands, h.commands) };
  return next;
}

/** command.updated: updates (or adds) the command inside its healing. */
export function patchCommand(list: HealingItem[] | undefined, c: CommandItem): HealingItem[] | undefined {
  if (!list || !c.healing_id) return list;
  const i = list.findIndex((h) => h.id === c.healing_id);
  if (i === -1) return list;
  const next = list.slice();
  next[i] = { ...list[i]!, commands: mergeCommands(list[i]!.commands, [c]) };
  return next;
}

/** Commands by id, the incoming version winning, in issue order. */
function mergeCommands(known: CommandItem[], incoming: CommandItem[]): CommandItem[] {
  if (incoming.length === 0) return known;
  const byId = new Map(known.map((c) => [c.id, c]));
  for (const c of incoming) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => (a.issued_at ?? "").localeCompare(b.issued_at ?? ""));
}
