// One HTTP load phase with autocannon: every request a fresh batch (unique ids `${tag}r<n>.<i>`), each 2xx
// answer's {"accepted","duplicates"} recorded per request so storage can be checked request by request.
import autocannon from "autocannon";
import { batchBody } from "./events";

/** What one load phase is. */
export type LoadSpec = { url: string; key?: string | undefined; connections: number; durationS: number; batch: number; tag: string };

/** Outcome of one load phase. */
export type LoadResult = {
  durationS: number;
  requests2xx: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  reqPerS: number;
  eventsPerS: number;
  accepted: number;
  duplicates: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Accepted count per answered request prefix (`${tag}r<n>`). */
  answered: Map<string, number>;
  /** Requests sent whose answer never arrived (cut off when the phase ended). */
  unanswered: number;
  /** The body of the first answered request, for the duplicate check. */
  firstBody: string | undefined;
  statusCodes: Record<string, number>;
};

type Ctx = { prefix?: string; body?: string };

/** Runs autocannon against POST `${url}/api/v1/events` for `durationS` seconds. */
export async function runLoad(spec: LoadSpec): Promise<LoadResult> {
  const answered = new Map<string, number>();
  let sent = 0;
  let duplicates = 0;
  let firstBody: string | undefined;
  const headers: Record<string, string> = { "content-type": "application/json" };
  if (spec.key) headers.authorization = `Bearer ${spec.key}`;
  const result = await autocannon({
    url: `${spec.url}/api/v1/events`,
    connections: spec.connections,
    duration: spec.durationS,
    pipelining: 1,
    timeout: 30,
    requests: [
      {
        method: "POST",
        headers,
        setupRequest: (req, context) => {
          const ctx = context as Ctx;
          ctx.prefix = `${spec.tag}r${sent++}`;
          ctx.body = batchBody(ctx.prefix, spec.batch);
          return { ...req, body: ctx.body };
        },
        onResponse: (status, body, context) => {
          const ctx = context as Ctx;
          if (status < 200 || status >= 300 || !ctx.prefix) return;
          const r = JSON.parse(body) as { accepted: number; duplicates: number };
          answered.set(ctx.prefix, r.accepted);
          duplicates += r.duplicates;
          firstBody ??= ctx.body;
        },
      },
    ],
  });
  let accepted = 0;
  for (const n of answered.values()) accepted += n;
  const statusCodes: Record<string, number> = {};
  for (const [code, s] of Object.entries(result.statusCodeStats ?? {})) statusCodes[code] = s.count ?? 0;
  return {
    durationS: result.duration,
    requests2xx: result["2xx"],
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    reqPerS: result["2xx"] / result.duration,
    eventsPerS: accepted / result.duration,
    accepted,
    duplicates,
    latencyMs: { p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max },
    answered,
    unanswered: sent - answered.size - result.non2xx,
    firstBody,
    statusCodes,
  };
}
