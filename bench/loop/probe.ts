// The latency probe: while another swarm ingests a bounded background load (~10,000 events/s in batches), a probe
// swarm posts one `heartbeat_failed` every ~2 s; the time from its 202 to the `failure.detected` socket message that
// carries its event id is the "accepted → detected on the socket" latency (real milliseconds).
import { performance } from "node:perf_hooks";
import type { Socket } from "socket.io-client";

/** What the probe measured. */
export type ProbeResult = { probes: number; latenciesMs: number[]; lost: number; backgroundEventsPerS: number; backgroundErrors: number };

async function post(url: string, key: string, events: unknown[]): Promise<number> {
  const res = await fetch(`${url}/api/v1/events`, { method: "POST", headers: { authorization: `Bearer ${key}`, "content-type": "application/json" }, body: JSON.stringify(events) });
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
    const events = Array.from({ length: batch }, (_, i) => ({ id: `load-${n + i}`, type: "heartbeat", agent_id: `load-agent-${(n + i) % 100}`, timestamp: now }));
    n += batch;
    post(url, key, events)
      .then((status) => (status === 202 ? (accepted += batch) : errors++), () => errors++)
      .finally(() => inFlight--);
  }, 100);
  return { stop: () => (clearInterval(timer), { eventsPerS: accepted / ((performance.now() - started) / 1000), errors }) };
}

/** Runs `probes` probes `everyMs` apart on `probeSwarm` (socket `s` already subscribed to it) beside the background load. */
export async function runLatencyProbe(opts: { url: string; socket: Socket; probeSwarm: string; probeKey: string; loadKey: string; probes: number; everyMs: number; eventsPerS: number }): Promise<ProbeResult> {
  const arrived = new Map<string, number>();
  const waiting = new Map<string, () => void>();
  opts.socket.on("failure.detected", (f: { swarm: string; context?: { event_id?: unknown } }) => {
    const id = f.swarm === opts.probeSwarm ? f.context?.event_id : undefined;
    if (typeof id !== "string" || arrived.has(id)) return;
    arrived.set(id, performance.now());
    waiting.get(id)?.();
  });
  const load = backgroundLoad(opts.url, opts.loadKey, opts.eventsPerS);
  const latenciesMs: number[] = [];
  let lost = 0;
  const runId = Date.now().toString(36);
  for (let i = 0; i < opts.probes; i++) {
    const next = new Promise((r) => setTimeout(r, opts.everyMs));
    const id = `probe-${runId}-${i}`;
    const seen = new Promise<boolean>((resolve) => {
      const t = setTimeout(() => resolve(false), 10_000);
      waiting.set(id, () => (clearTimeout(t), resolve(true)));
      if (arrived.has(id)) waiting.get(id)!();
    });
    const status = await post(opts.url, opts.probeKey, [{ id, type: "heartbeat_failed", agent_id: `probe-agent-${i}`, timestamp: Date.now() }]).catch(() => 0);
    const acceptedAt = performance.now();
    if (status !== 202 || !(await seen)) lost++;
    else latenciesMs.push(Math.max(0, arrived.get(id)! - acceptedAt)); // a message before the 202 counts as 0 ms
    waiting.delete(id);
    await next;
  }
  const bg = load.stop();
  return { probes: opts.probes, latenciesMs, lost, backgroundEventsPerS: bg.eventsPerS, backgroundErrors: bg.errors };
}
