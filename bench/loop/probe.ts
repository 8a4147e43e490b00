// The latency probe: for the whole run, while another swarm ingests a bounded background load (~10,000 events/s in
// batches), a probe swarm posts one `heartbeat_failed` every ~2 s; the time from its 202 to the `failure.detected`
// socket message that carries its event id is the "accepted → detected on the socket" latency, and to that failure's
// first `incident.updated` the "accepted → incident on the socket" latency (real milliseconds).
import { performance } from "node:perf_hooks";
import type { Socket } from "socket.io-client";

/** What the probe measured: accepted → failure.detected and accepted → the failure's first incident.updated. */
export type ProbeResult = {
  probes: number;
  latenciesMs: number[];
  incidentLatenciesMs: number[];
  lost: number;
  backgroundEventsPerS: number;
  backgroundErrors: number;
};

async function post(url: string, key: string, events: unknown[]): Promise<number> {
  const res = await fetch(`${url}/api/v1/events`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify(events),
  });
  await res.arrayBuffer();
  return res.status;
}

/** Sends `eventsPerS` heartbeats to the load swarm in 10 batches a second, at most 4 requests in flight (excess is skipped). */
function backgroundLoad(url: string, key: string, eventsPerS: number) {
  const batch = Math.max(1, Math.round(eventsPerS / 10));
  let n = 0;
  let inFlight = 0;
  let accepted = 0;
  let errors = 0;
  const started = performance.now();
  const timer = setInterval(() => {
    if (inFlight >= 4) return;
    inFlight++;
    const now = Date.now();
    const events = Array.from({ length: batch }, (_, i) => ({
      id: `load-${n + i}`,
      type: "heartbeat",
      agent_id: `load-agent-${(n + i) % 100}`,
      timestamp: now,
    }));
    n += batch;
    post(url, key, events)
      .then(
        (status) => (status === 202 ? (accepted += batch) : errors++),
        () => errors++,
      )
      .finally(() => inFlight--);
  }, 100);
  return { stop: () => (clearInterval(timer), { eventsPerS: accepted / ((performance.now() - started) / 1000), errors }) };
}

/** Runs probes `everyMs` apart on `probeSwarm` (socket `s` already subscribed to it) beside the background load, both
 * until `untilMs` (epoch ms); `probes` caps the number of probes (null: no cap). */
export async function runLatencyProbe(opts: {
  url: string;
  socket: Socket;
  probeSwarm: string;
  probeKey: string;
  loadKey: string;
  probes: number | null;
  everyMs: number;
  eventsPerS: number;
  untilMs: number;
}): Promise<ProbeResult> {
  const failureAt = new Map<string, { id: string; at: number }>(); // by the probe's event id
  const incidentAt = new Map<string, number>(); // by incident id (= the failure's id)
  let wake: () => void = () => undefined;
  opts.socket.on("failure.detected", (f: { swarm: string; id: string; context?: { event_id?: unknown } }) => {
    const id = f.swarm === opts.probeSwarm ? f.context?.event_id : undefined;
    if (typeof id !== "string" || failureAt.has(id)) return;
    failureAt.set(id, { id: f.id, at: performance.now() });
    wake();
  });
  opts.socket.on("incident.updated", (i: { swarm: string; id: string }) => {
    if (i.swarm !== opts.probeSwarm || incidentAt.has(i.id)) return;
    incidentAt.set(i.id, performance.now());
    wake();
  });
  const load = backgroundLoad(opts.url, opts.loadKey, opts.eventsPerS);
  const latenciesMs: number[] = [];
  const incidentLatenciesMs: number[] = [];
  let lost = 0;
  let sent = 0;
  const runId = Date.now().toString(36);
  while (Date.now() + opts.everyMs <= opts.untilMs && (opts.probes === null || sent < opts.probes)) {
    const next = new Promise((r) => setTimeout(r, opts.everyMs));
    const id = `probe-${runId}-${sent++}`;
    const both = () => failureAt.has(id) && incidentAt.has(failureAt.get(id)!.id);
    const seen = new Promise<void>((resolve) => {
      const t = setTimeout(resolve, 10_000);
      wake = () => void (both() && (clearTimeout(t), resolve()));
    });
    const status = await post(opts.url, opts.probeKey, [
      { id, type: "heartbeat_failed", agent_id: `probe-agent-${sent}`, timestamp: Date.now() },
    ]).catch(() => 0);
    const acceptedAt = performance.now();
    wake();
    await seen;
    const failure = failureAt.get(id);
    const incident = failure ? incidentAt.get(failure.id) : undefined;
    if (status !== 202 || !failure) lost++;
    else latenciesMs.push(Math.max(0, failure.at - acceptedAt)); // a message before the 202 counts as 0 ms
    if (status === 202 && incident !== undefined) incidentLatenciesMs.push(Math.max(0, incident - acceptedAt));
    await next;
  }
  await new Promise((r) => setTimeout(r, Math.max(0, opts.untilMs - Date.now())));
  const bg = load.stop();
  return { probes: sent, latenciesMs, incidentLatenciesMs, lost, backgroundEventsPerS: bg.eventsPerS, backgroundErrors: bg.errors };
}
