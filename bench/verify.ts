// Correctness checks after a load phase: every answered request's events are stored exactly as acknowledged,
// requests cut off at the phase end are all-or-nothing, no non-2xx answers, and re-sending a batch is deduplicated.
import type pg from "pg";
import type { LoadResult } from "./load";

/** Outcome of the storage check of one phase. */
export type StorageCheck = { ok: boolean; stored: number; accepted: number; cutOffStored: number; problems: string[] };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function storedCount(pool: pg.Pool, swarmId: number): Promise<number> {
  const { rows } = await pool.query<{ n: number }>("SELECT count(*)::int AS n FROM events WHERE swarm_id = $1", [swarmId]);
  return rows[0]?.n ?? 0;
}

/** Waits until the swarm's stored count has not changed for a second (requests in flight at phase end finish). */
export async function settle(pool: pg.Pool, swarmId: number): Promise<void> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    const n = await storedCount(pool, swarmId);
    if (n === last) return;
    last = n;
    await sleep(1_000);
  }
}

/** Compares what the swarm holds with what the load phase was told, request by request. */
export async function checkStorage(pool: pg.Pool, swarmId: number, load: LoadResult, batch: number): Promise<StorageCheck> {
  const { rows } = await pool.query<{ req: string; n: number }>(
    "SELECT split_part(event_id, '.', 1) AS req, count(*)::int AS n FROM events WHERE swarm_id = $1 GROUP BY 1",
    [swarmId],
  );
  const byRequest = new Map(rows.map((r) => [r.req, r.n]));
  const problems: string[] = [];
  if (load.non2xx > 0) problems.push(`${load.non2xx} non-2xx responses: ${JSON.stringify(load.statusCodes)}`);
  if (load.duplicates > 0) problems.push(`${load.duplicates} fresh events were answered as duplicates`);
  for (const [req, accepted] of load.answered) {
    const n = byRequest.get(req) ?? 0;
    if (accepted !== batch || n !== accepted) problems.push(`request ${req}: accepted ${accepted} of ${batch}, stored ${n}`);
    byRequest.delete(req);
  }
  let cutOffStored = 0;
  for (const [req, n] of byRequest) {
    if (n !== batch) problems.push(`unanswered request ${req}: ${n} of ${batch} events stored (not atomic)`);
    cutOffStored += n;
  }
  if (byRequest.size > load.unanswered)
    problems.push(`${byRequest.size} unanswered requests stored, only ${load.unanswered} were in flight`);
  const stored = rows.reduce((a, r) => a + r.n, 0);
  if (stored !== load.accepted + cutOffStored) problems.push(`stored ${stored} ≠ accepted ${load.accepted} + cut off ${cutOffStored}`);
  return { ok: problems.length === 0, stored, accepted: load.accepted, cutOffStored, problems: problems.slice(0, 20) };
}

/** Re-sends an already stored batch; it must be answered 202 with everything a duplicate. */
export async function checkDedup(
  url: string,
  key: string,
  body: string,
  batch: number,
): Promise<{ ok: boolean; status: number; answer: string }> {
  const res = await fetch(`${url}/api/v1/events`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${key}` },
    body,
  });
  const answer = await res.text();
  let parsed: { accepted?: unknown; duplicates?: unknown } = {};
  try {
    parsed = JSON.parse(answer) as typeof parsed;
  } catch {
    // not JSON: reported as a failure below
  }
  return { ok: res.status === 202 && parsed.accepted === 0 && parsed.duplicates === batch, status: res.status, answer };
}
