// Applies a batch of live messages to the React Query cache: one notify pass per batch (notifyManager.batch), so
// observers re-render once per frame however many messages arrived.
import { notifyManager, type QueryClient } from "@tanstack/react-query";
import type { MetricsTick } from "@/lib/contract/items/metrics";
import { patchBottlenecks, patchCommand, patchHealings, patchIncidents, patchProposals } from "./cache-patches";
import { keys } from "./keys";
import { applyTick } from "./swarms";
import { appendTick, type TickPoint } from "./tick-buffer";
import type { BottleneckItem, HealingItem, IncidentItem, LiveMessage, PredictionItem } from "./types";

/** Applies one tick (live or a subscribe snapshot): the live figures, the sparkline series and the swarm list. */
export function applyLiveTick(client: QueryClient, tick: MetricsTick): void {
  client.setQueryData<MetricsTick>(keys.live(tick.swarm), (prev) => (prev && prev.at > tick.at ? prev : tick));
  client.setQueryData<TickPoint[]>(keys.series(tick.swarm), (s) => appendTick(s, tick));
  applyTick(client, tick);
}

/** Applies a batch of live messages in arrival order. */
export function applyLiveMessages(client: QueryClient, messages: readonly LiveMessage[]): void {
  notifyManager.batch(() => {
    for (const m of messages) applyOne(client, m);
  });
}

/**
 * Patches a cached list, unless it is being fetched: that fetch may have read storage before this change was stored
 * (changes are published after they commit) and would overwrite the patch with older data, so it is restarted
 * instead and reads the change itself.
 */
function patchList<T>(client: QueryClient, queryKey: readonly unknown[], update: (list: T | undefined) => T | undefined): void {
  if (client.getQueryState(queryKey)?.fetchStatus === "fetching") void client.invalidateQueries({ queryKey, exact: true });
  else client.setQueryData<T>(queryKey, update);
}

function applyOne(client: QueryClient, m: LiveMessage): void {
  switch (m.name) {
    case "metrics.tick":
      return applyLiveTick(client, m.payload);
    case "bottleneck.detected":
    case "bottleneck.updated":
    case "bottleneck.resolved": {
      const kind = m.name.slice("bottleneck.".length) as "detected" | "updated" | "resolved";
      patchList<BottleneckItem[]>(client, keys.bottlenecks(m.payload.swarm), (l) => patchBottlenecks(l, m.payload, kind));
      return;
    }
    case "prediction.created":
    case "prediction.updated":
      patchList<PredictionItem[]>(client, keys.proposals(m.payload.swarm), (l) => patchProposals(l, m.payload));
      // The predictions screen's lists and quality figures are aggregates: refetch them (once per coalesced batch).
      void client.invalidateQueries({ queryKey: keys.predictionScreen(m.payload.swarm) });
      return;
    case "healing.started":
    case "healing.finished":
      patchList<HealingItem[]>(client, keys.healings(m.payload.swarm), (l) => patchHealings(l, m.payload));
      if (m.payload.prediction_id)
        client.setQueriesData<HealingItem[]>({ queryKey: keys.proposalHealingsAll(m.payload.swarm) }, (l) =>
          patchHealings(l, m.payload, Infinity),
        );
      void client.invalidateQueries({ queryKey: keys.healingScreen(m.payload.swarm) });
      return;
    case "command.updated":
      patchList<HealingItem[]>(client, keys.healings(m.payload.swarm), (l) => patchCommand(l, m.payload));
      client.setQueriesData<HealingItem[]>({ queryKey: keys.proposalHealingsAll(m.payload.swarm) }, (l) => patchCommand(l, m.payload));
      return;
    case "incident.updated":
      patchList<IncidentItem[]>(client, keys.incidents(m.payload.swarm), (l) => patchIncidents(l, m.payload));
      return;
    case "failure.detected":
      // No cached list holds failures alone: a fault reaches the lists as its incident.updated, the agent page polls.
      return;
  }
}
