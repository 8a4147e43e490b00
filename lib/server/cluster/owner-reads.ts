// Reads of live engine state that answer the same on every instance. The swarm's owner answers from its engine; any
// other instance forwards the read to the owner's internal URL (swarm_owners.owner_url) in an authenticated request
// with a short timeout, and answers 503 when the owner does not answer. A swarm no instance owns yet reads as empty
// everywhere. A non-owner never answers from its own engine, which holds no engine for the swarm.
import type pg from "pg";
import type { Engine, MetricsTick } from "@/lib/engine";
import { ApiError } from "../http/errors";
import type { ClusterNode } from "./cluster-node";
import { type AnswerOf, answerLocally, type EngineRead, type SwarmRead } from "./engine-reads";
import { INTERNAL_AUTH_HEADER, signInternal } from "./internal-auth";

/** The path on which an owner answers forwarded reads (the raw Node path; not part of the public API). */
export const INTERNAL_READ_PATH = "/internal/v1/engine-read";
/** How long a forwarded read may take before the caller gets 503. */
export const OWNER_READ_TIMEOUT_MS = 2_000;

/** What reading live engine state needs: this instance's engine and ownership, the pool (where the owners are) and the
 * pepper (which signs requests between instances). */
export type OwnerReadDeps = { engine: Engine; cluster: Pick<ClusterNode, "runsEngineOf">; pool: pg.Pool; pepper: string };

/** Where a swarm's engine runs: on this instance (or on none yet: then it reads as empty here too), or elsewhere at
 * `url` (null while the owner has not recorded its URL). */
type Place = { here: true } | { here: false; url: string | null };

const unavailable = (swarm: string) =>
  new ApiError(
    503,
    "engine_owner_unavailable",
    `The instance that runs swarm "${swarm}" did not answer (it may be restarting or handing the swarm over); retry shortly.`,
    { retryAfterS: 2 },
  );

async function placesOf(deps: OwnerReadDeps, swarms: readonly string[]): Promise<Map<string, Place>> {
  const places = new Map<string, Place>(swarms.map((s) => [s, { here: true }]));
  const elsewhere = swarms.filter((s) => !deps.cluster.runsEngineOf(s));
  if (elsewhere.length === 0) return places;
  // owner_id '' marks swarms whose events were processed before ownership existed: nobody owns them yet.
  const { rows } = await deps.pool.query<{ name: string; owner_url: string | null }>(
    "SELECT s.name, o.owner_url FROM swarms s JOIN swarm_owners o ON o.swarm_id = s.id WHERE s.name = ANY($1::text[]) AND o.owner_id <> ''",
    [elsewhere],
  );
  for (const r of rows) places.set(r.name, { here: false, url: r.owner_url });
  return places;
}

async function forward<R extends EngineRead>(deps: OwnerReadDeps, url: string | null, read: R, swarm: string): Promise<AnswerOf<R>> {
  if (url === null) throw unavailable(swarm);
  const body = JSON.stringify(read);
  try {
    const res = await fetch(`${url}${INTERNAL_READ_PATH}`, {
      method: "POST",
      headers: { "content-type": "application/json", [INTERNAL_AUTH_HEADER]: signInternal(deps.pepper, body, Date.now()) },
      body,
      signal: AbortSignal.timeout(OWNER_READ_TIMEOUT_MS),
    });
    if (!res.ok) {
      await res.body?.cancel();
      throw unavailable(swarm);
    }
    return ((await res.json()) as { answer: AnswerOf<R> }).answer;
  } catch (err) {
    throw err instanceof ApiError ? err : unavailable(swarm);
  }
}

/** One swarm's live engine state (agents, patterns or performance) as its owner sees it. */
export async function readOnOwner<R extends SwarmRead>(deps: OwnerReadDeps, read: R): Promise<AnswerOf<R>> {
  const place = (await placesOf(deps, [read.swarm])).get(read.swarm)!;
  return place.here ? answerLocally(deps.engine, read) : forward(deps, place.url, read, read.swarm);
}

/** The live figures of `swarms` as their owners see them, by swarm name (one request per other owner). */
export async function liveSnapshots(deps: OwnerReadDeps, swarms: readonly string[]): Promise<Map<string, MetricsTick>> {
  const places = await placesOf(deps, swarms);
  const here: string[] = [];
  const byUrl = new Map<string | null, string[]>();
  for (const [swarm, place] of places) {
    if (place.here) here.push(swarm);
    else byUrl.set(place.url, [...(byUrl.get(place.url) ?? []), swarm]);
  }
  const remote = await Promise.all([...byUrl].map(([url, names]) => forward(deps, url, { read: "snapshots", swarms: names }, names[0]!)));
  return new Map([answerLocally(deps.engine, { read: "snapshots", swarms: here }), ...remote].flat().map((t) => [t.swarm, t]));
}
