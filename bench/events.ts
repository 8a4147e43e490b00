// The benchmark's event shape: realistic task_complete events as sent to the API, and the same events as
// COPY rows shaped like what the ingest path inserts into `events` (body = the event exactly as sent).

const AGENTS = 50;

/** One task_complete event as an agent would send it. */
export function benchEvent(id: string, now: number): Record<string, unknown> {
  const n = Math.floor(Math.random() * 1_000_000);
  return {
    id,
    type: "task_complete",
    agent_id: `agent-${n % AGENTS}`,
    task_id: `t-${n}`,
    timestamp: now,
    duration_ms: 50 + (n % 5_000),
    result: n % 20 === 0 ? "failure" : "success",
    tokens_used: 100 + (n % 4_000),
  };
}

/** A JSON array body of `n` events with ids `${prefix}.${i}` (prefix identifies the request). */
export function batchBody(prefix: string, n: number, now = Date.now()): string {
  const events: Record<string, unknown>[] = [];
  for (let i = 0; i < n; i++) events.push(benchEvent(`${prefix}.${i}`, now));
  return JSON.stringify(events);
}

/** Columns of a COPY row, in the order copyRows writes them (`seq` comes from its default). */
export const COPY_COLUMNS = "swarm_id, ts, event_id, type, agent_id, task_id, received_at, body";

/** Escapes a value for COPY's text format. */
function copyText(s: string): string {
  return s.replace(/[\\\t\n\r]/g, (c) => (c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r"));
}

/** `n` rows in COPY text format for swarm `swarmId`, event ids `${prefix}.${i}`. */
export function copyRows(swarmId: number, prefix: string, n: number, now = Date.now()): string {
  const ts = new Date(now).toISOString();
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const e = benchEvent(`${prefix}.${i}`, now);
    const fields = [String(swarmId), ts, String(e.id), String(e.type), String(e.agent_id), String(e.task_id), ts, JSON.stringify(e)];
    lines.push(fields.map(copyText).join("\t"));
  }
  return lines.join("\n") + "\n";
}
