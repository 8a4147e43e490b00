// The scripted operator: decides every open proposal (prediction) and every healing waiting for approval in the demo
// swarm through the HTTP API, as one operator would (a second operator token gives two-person approvals their second).
import type { Api } from "./api";
import type { DecisionRecord } from "./records";

type Open = {
  id: string;
  status: string;
  trigger?: string;
  decided_by: string | null;
  first_approved_by: string | null;
  action_hash: string;
};

/** A running operator: `poke` asks for a pass now (e.g. on a socket message); `stop` ends it after the current pass. */
export type Operator = { decisions: DecisionRecord[]; rateLimited: () => number; poke: () => void; stop: () => Promise<void> };

const REJECT_REASON = "bench:loop rejects every proposal";

/** Starts deciding every open item of `swarm` (`approve` or `reject`), passing at least every `everyMs`. */
export function startOperator(swarm: string, mode: "approve" | "reject", operators: readonly [Api, Api], everyMs = 1_000): Operator {
  const decisions: DecisionRecord[] = [];
  const done = new Set<string>();
  let limited = 0;
  let pausedUntil = 0;
  let stopped = false;
  let wake: (() => void) | null = null;

  const decide = async (kind: "prediction" | "healing", item: Open): Promise<void> => {
    const path = `/api/v1/${kind === "prediction" ? "predictions" : "healings"}/${item.id}/${mode}`;
    const first = item.first_approved_by === null ? 0 : 1; // a first approval stands: the other operator gives the second
    for (let i = first; i < 2; i++) {
      const r = await operators[i]!.call("POST", path, mode === "approve" ? { action_hash: item.action_hash } : { reason: REJECT_REASON });
      if (r.status === 429) {
        limited++;
        pausedUntil = Date.now() + (r.retryAfterS ?? 1) * 1000;
        return;
      }
      const body = (r.body ?? {}) as Partial<Open>;
      const final = r.status === 200 && body.decided_by != null;
      decisions.push({ kind, id: item.id, decision: mode, at: Date.now(), status: r.status, final });
      if (r.status !== 200 || final) break;
    }
    done.add(item.id);
  };

  const pass = async () => {
    const [predictions, healings] = await Promise.all([
      operators[0].get<{ items: Open[] }>(`/api/v1/swarms/${swarm}/predictions?status=open&limit=1000`),
      operators[0].get<{ items: Open[] }>(`/api/v1/swarms/${swarm}/healings?status=pending&limit=1000`),
    ]);
    const open: ["prediction" | "healing", Open][] = [
      ...predictions.items.map((p) => ["prediction", p] as ["prediction", Open]),
      ...healings.items.filter((h) => h.trigger !== "preventive" && h.decided_by === null).map((h) => ["healing", h] as ["healing", Open]),
    ];
    for (const [kind, item] of open) {
      if (stopped || Date.now() < pausedUntil) return;
      if (!done.has(item.id)) await decide(kind, item);
    }
  };

  const loop = (async () => {
    while (!stopped) {
      if (Date.now() >= pausedUntil) await pass().catch((e: Error) => process.stderr.write(`  operator pass failed: ${e.message}\n`));
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, everyMs);
        wake = () => {
          clearTimeout(t);
          resolve();
        };
      });
      wake = null;
    }
  })();

  return {
    decisions,
    rateLimited: () => limited,
    poke: () => wake?.(),
    stop: async () => {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
