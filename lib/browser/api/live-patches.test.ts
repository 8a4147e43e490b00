// Socket messages reach the history screens: a healing or prediction event invalidates that swarm's history
// queries (not another swarm's), and patches the overview's lists in place.
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { keys } from "./keys";
import { applyLiveMessages } from "./live-patches";
import type { HealingItem, LiveMessage, PredictionItem } from "./types";

const healing = {
  id: "h1",
  swarm: "s",
  failure_id: null,
  prediction_id: null,
  failure_type: "agent_down",
  strategy: "AgentRestartStrategy",
  status: "succeeded",
  trigger: "detected",
  actions: [],
  reason: null,
  heal_ms: 5,
  recovery_ms: 9,
  started_at: "2026-01-01T00:00:00.000Z",
  finished_at: "2026-01-01T00:00:01.000Z",
  commands: [],
} as unknown as HealingItem & { swarm: string };
const prediction = {
  id: "p1",
  swarm: "s",
  failure_type: "agent_down",
  agent_id: "a",
  confidence: 0.9,
  predicted_at: "2026-01-01T00:00:00.000Z",
  expected_at: "2026-01-01T00:01:00.000Z",
  reasoning: "",
  recommended_action: "restart_agent",
  source: "health",
  pattern_indicators: [],
  status: "open",
  outcome: null,
  decided_by: null,
  decided_at: null,
  decision_reason: null,
  action_hash: "0".repeat(64),
  first_approved_by: null,
  first_approved_at: null,
} as PredictionItem & { swarm: string };

const filters = { status: "all" } as never;

function seeded(): QueryClient {
  const client = new QueryClient();
  for (const swarm of ["s", "other"]) {
    client.setQueryData(keys.healingHistory(swarm, filters), { pages: [], pageParams: [] });
    client.setQueryData(keys.strategies(swarm), []);
    client.setQueryData(keys.predictions(swarm, filters), { pages: [], pageParams: [] });
    client.setQueryData(keys.healings(swarm), []);
    client.setQueryData(keys.proposals(swarm), []);
  }
  return client;
}

const state = (client: QueryClient, key: readonly unknown[]) => client.getQueryState(key)?.isInvalidated;

describe("applyLiveMessages", () => {
  it("a healing event invalidates that swarm's healing history, strategies and MTTR queries only", () => {
    const client = seeded();
    applyLiveMessages(client, [{ name: "healing.finished", payload: healing } as LiveMessage]);
    expect([state(client, keys.healingHistory("s", filters)), state(client, keys.strategies("s"))]).toEqual([true, true]);
    expect([
      state(client, keys.healingHistory("other", filters)),
      state(client, keys.predictions("s", filters)),
      state(client, keys.healings("s")),
    ]).toEqual([false, false, false]);
  });

  it("a prediction event invalidates that swarm's prediction queries only", () => {
    const client = seeded();
    applyLiveMessages(client, [{ name: "prediction.updated", payload: prediction } as LiveMessage]);
    expect(state(client, keys.predictions("s", filters))).toBe(true);
    expect([
      state(client, keys.predictions("other", filters)),
      state(client, keys.healingHistory("s", filters)),
      state(client, keys.proposals("s")),
    ]).toEqual([false, false, false]);
  });

  it("patches the overview's recent healings and proposals in place", () => {
    const client = seeded();
    applyLiveMessages(client, [
      { name: "healing.started", payload: healing } as LiveMessage,
      { name: "prediction.created", payload: prediction } as LiveMessage,
    ]);
    expect(client.getQueryData<HealingItem[]>(keys.healings("s"))?.map((h) => h.id)).toEqual(["h1"]);
    expect(client.getQueryData<PredictionItem[]>(keys.proposals("s"))?.map((p) => p.id)).toEqual(["p1"]);
  });

  it("patches the lookups of approved proposals' healings: a healing of a proposal is added, its commands updated", () => {
    const client = seeded();
    const lookup = keys.proposalHealings("s", "2026-01-01T00:00:00.000Z");
    const elsewhere = keys.proposalHealings("other", "2026-01-01T00:00:00.000Z");
    client.setQueryData(lookup, []);
    client.setQueryData(elsewhere, []);
    const ofProposal = { ...healing, id: "h2", prediction_id: "p1", status: "running", trigger: "preventive", finished_at: null };
    const command = {
      id: "c1",
      swarm: "s",
      healing_id: "h2",
      kind: "restart_agent",
      params: {},
      status: "dispatched",
      attempts: 1,
      detail: null,
      issued_at: "2026-01-01T00:00:02.000Z",
      deadline: "2026-01-01T00:01:00.000Z",
      finished_at: null,
    };
    applyLiveMessages(client, [
      { name: "healing.started", payload: healing } as LiveMessage,
      { name: "healing.started", payload: ofProposal } as LiveMessage,
      { name: "command.updated", payload: command } as LiveMessage,
    ]);
    expect(client.getQueryData<HealingItem[]>(lookup)?.map((h) => [h.id, h.commands.map((c) => c.status)])).toEqual([
      ["h2", ["dispatched"]],
    ]);
    expect(client.getQueryData<HealingItem[]>(elsewhere)).toEqual([]);
  });

  it("a list being fetched is not patched but read again: its fetch may predate the change and would overwrite it", async () => {
    const client = new QueryClient();
    let reads = 0;
    let release: (items: HealingItem[]) => void = () => undefined;
    const fetched = client.fetchQuery({
      queryKey: keys.healings("s"),
      queryFn: () => new Promise<HealingItem[]>((r) => ((reads += 1), (release = r))),
    });
    expect(client.getQueryState(keys.healings("s"))?.fetchStatus).toBe("fetching");
    applyLiveMessages(client, [{ name: "healing.finished", payload: healing } as LiveMessage]);
    expect(client.getQueryState(keys.healings("s"))?.isInvalidated).toBe(true);
    release([]);
    await fetched;
    client.setQueryData(keys.healings("s"), []);
    applyLiveMessages(client, [{ name: "healing.finished", payload: healing } as LiveMessage]);
    expect(client.getQueryData<HealingItem[]>(keys.healings("s"))?.map((h) => h.id)).toEqual(["h1"]);
    expect(reads).toBe(1);
  });
});
