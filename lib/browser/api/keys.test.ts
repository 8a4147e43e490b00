// The key factory's prefixes are what invalidation relies on: a reconnect reads every swarm key again, a healing or
// prediction event refetches its screen's keys and nothing the overview patches in place.
import { QueryClient } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { keys } from "./keys";

/** Whether invalidating `prefix` reaches the query cached under `key`. */
function reaches(prefix: readonly unknown[], key: readonly unknown[]): boolean {
  const client = new QueryClient();
  client.setQueryData(key, 1);
  void client.invalidateQueries({ queryKey: prefix });
  return client.getQueryState(key)?.isInvalidated === true;
}

const filters = {} as never;
const range = "24h" as never;

describe("keys", () => {
  it("puts every key the live channel feeds under its swarm, and every swarm under everySwarm", () => {
    const fed = [
      keys.live("s"),
      keys.series("s"),
      keys.bottlenecks("s"),
      keys.incidents("s"),
      keys.proposals("s"),
      keys.healings("s"),
      keys.proposalHealings("s", "t"),
      keys.healingHistory("s", filters),
      keys.strategies("s"),
      keys.mttr("s", range),
      keys.predictions("s", filters),
      keys.predictionQuality("s", range),
      keys.leadTimes("s", range),
      keys.patterns("s"),
      keys.agents("s"),
      keys.agent("s", "a"),
      keys.agentEvents("s", "a"),
    ];
    expect(fed.filter((k) => !reaches(keys.swarm("s"), k) || !reaches(keys.everySwarm(), k))).toEqual([]);
    expect(fed.filter((k) => reaches(keys.swarm("other"), k))).toEqual([]);
  });

  it("scopes the healing screen's keys apart from the healings the overview patches", () => {
    expect(
      [keys.healingHistory("s", filters), keys.strategies("s"), keys.mttr("s", range)].every((k) => reaches(keys.healingScreen("s"), k)),
    ).toBe(true);
    expect(
      [keys.healings("s"), keys.proposalHealings("s", "t"), keys.healingScreen("other")].some((k) => reaches(keys.healingScreen("s"), k)),
    ).toBe(false);
  });

  it("scopes the predictions screen's event-driven keys apart from patterns and proposals", () => {
    expect(
      [keys.predictions("s", filters), keys.predictionQuality("s", range), keys.leadTimes("s", range)].every((k) =>
        reaches(keys.predictionScreen("s"), k),
      ),
    ).toBe(true);
    expect([keys.patterns("s"), keys.proposals("s")].some((k) => reaches(keys.predictionScreen("s"), k))).toBe(false);
  });

  it("keeps a swarm's settings, webhook and ingest keys under the swarm list the re-sync reads again", () => {
    expect([keys.settings("s"), keys.webhook("s"), keys.ingestKeys("s")].every((k) => reaches(keys.swarms(), k))).toBe(true);
  });
});
