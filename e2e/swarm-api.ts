// API helpers of the e2e suite: read a swarm's failures and healings with the admin session, and act as the
// swarm's coordinator (pull commands, report results) with its ingest key.
import type { APIRequestContext } from "@playwright/test";

/** One healing as listed (the fields the tests use). */
export type HealingRow = {
  id: string;
  failure_id: string | null;
  status: string;
  trigger: string;
  strategy: string;
  commands: { id: string; kind: string; params: Record<string, unknown> }[];
};

/** The healing of the latest failure of `agent` in `swarm`, or null while there is none. */
export async function healingOfAgent(request: APIRequestContext, swarm: string, agent: string): Promise<HealingRow | null> {
  const failures = (await (await request.get(`/api/v1/swarms/${swarm}/failures?agent_id=${encodeURIComponent(agent)}`)).json()) as {
    items: { id: string }[];
  };
  const failure = failures.items[0];
  if (!failure) return null;
  const healings = (await (await request.get(`/api/v1/swarms/${swarm}/healings?failure_type=agent_down`)).json()) as {
    items: HealingRow[];
  };
  return healings.items.find((h) => h.failure_id === failure.id) ?? null;
}

/** Pulls the swarm's due commands (long-poll up to `waitS`) with its ingest key. */
export async function pullCommands(
  api: APIRequestContext,
  key: string,
  waitS = 5,
): Promise<{ id: string; kind: string; params: Record<string, unknown> }[]> {
  const res = await api.get(`/api/v1/commands?wait=${waitS}`, { headers: { authorization: `Bearer ${key}` } });
  if (!res.ok()) throw new Error(`GET /api/v1/commands: ${res.status()} ${await res.text()}`);
  return (await res.json()) as { id: string; kind: string; params: Record<string, unknown> }[];
}

/** Reports a command's result as the coordinator. */
export async function reportCommand(api: APIRequestContext, key: string, id: string, status: "succeeded" | "failed"): Promise<void> {
  const res = await api.post(`/api/v1/commands/${id}/result`, {
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    data: { status },
  });
  if (!res.ok()) throw new Error(`POST result: ${res.status()} ${await res.text()}`);
}
