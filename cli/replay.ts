// `swarm-medic replay FILE.ndjson --swarm NAME --url URL --key KEY [--speed N|max]` (docs/contract.md#cli): posts a recorded
// event log to a running server through the client library (batches, retries with the same ids), preserving the
// relative timing at `--speed`, printing progress; at `max` the swarm's engine follows event time (docs/decisions.md#d1).
import { createHash } from "node:crypto";
import fs from "node:fs";
import readline from "node:readline";
import { SwarmMedicClient } from "../clients/node";
import { note, printResult } from "./output";

/** Options of the replay command. */
export type ReplayOptions = { file?: string | undefined; swarm?: string; url?: string; key?: string; speed?: string; json: boolean };

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function timeOf(e: Record<string, unknown>): number {
  const t = typeof e.timestamp === "number" ? e.timestamp : Date.parse(String(e.timestamp));
  return Number.isFinite(t) ? t : NaN;
}

/** Reads the log: one JSON object per non-empty line; events without an id get `<file hash>-<line>` so a replay is idempotent. */
async function readLog(file: string): Promise<Record<string, unknown>[]> {
  const hash = createHash("sha256").update(fs.readFileSync(file)).digest("hex").slice(0, 12);
  const events: Record<string, unknown>[] = [];
  let line = 0;
  for await (const text of readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Infinity })) {
    line++;
    if (!text.trim()) continue;
    let e: unknown;
    try {
      e = JSON.parse(text);
    } catch {
      throw new Error(`${file}:${line}: not valid JSON`);
    }
    if (!e || typeof e !== "object" || Array.isArray(e)) throw new Error(`${file}:${line}: not a JSON object`);
    const event = e as Record<string, unknown>;
    if (!Number.isFinite(timeOf(event))) throw new Error(`${file}:${line}: missing or invalid timestamp`);
    events.push(event.id === undefined ? { id: `${hash}-${line}`, ...event } : event);
  }
  return events;
}

function progress(done: number, total: number, acked: number): string {
  const width = 30;
  const filled = total ? Math.round((done / total) * width) : width;
  return `[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${total} sent, ${acked} acknowledged`;
}

/** Runs the replay; resolves with the exit code (0 when every event was acknowledged). */
export async function replay(o: ReplayOptions): Promise<number> {
  if (!o.file || !o.url || !o.key || !o.swarm) throw new Error("replay needs FILE.ndjson, --swarm, --url and --key");
  const speed = o.speed === undefined ? 1 : o.speed === "max" ? Infinity : Number(o.speed);
  if (!(speed > 0)) throw new Error("--speed must be a positive number or max");
  const events = (await readLog(o.file)).sort((a, b) => timeOf(a) - timeOf(b));
  let failed = 0;
  const client = new SwarmMedicClient({
    url: o.url,
    key: o.key,
    batchSize: speed === Infinity ? 1000 : 200,
    flushIntervalMs: speed === Infinity ? 50 : 100,
    ...(speed === Infinity ? { headers: { "x-swarm-medic-clock": "event" } } : {}),
    onError: (err) => {
      failed += err.events.length;
      note(`\nbatch not stored (${err.reason}): ${err.message}`);
    },
  });
  const tty = process.stderr.isTTY;
  const show = (done: number) => {
    const s = client.stats();
    if (tty) process.stderr.write(`\r${progress(done, events.length, s.accepted + s.duplicates)}`);
  };
  const start = Date.now();
  const t0 = events.length ? timeOf(events[0]!) : 0;
  let lastShown = 0;
  for (const [i, e] of events.entries()) {
    if (speed !== Infinity) {
      const due = start + (timeOf(e) - t0) / speed;
      if (due > Date.now()) await sleep(due - Date.now());
    }
    client.send(e as Parameters<SwarmMedicClient["send"]>[0]);
    if (Date.now() - lastShown > 200) {
      show(i + 1);
      lastShown = Date.now();
    } else if (!tty && (i + 1) % Math.max(1, Math.floor(events.length / 10)) === 0)
      note(progress(i + 1, events.length, client.stats().accepted));
  }
  await client.close();
  show(events.length);
  if (tty) process.stderr.write("\n");
  const s = client.stats();
  const ok = failed === 0 && s.dropped === 0 && s.accepted + s.duplicates === events.length;
  printResult(
    o.json,
    {
      swarm: o.swarm,
      events: events.length,
      accepted: s.accepted,
      duplicates: s.duplicates,
      dropped: s.dropped + failed,
      seconds: (Date.now() - start) / 1000,
    },
    [
      `Replayed ${events.length} events to swarm "${o.swarm}": ${s.accepted} accepted, ${s.duplicates} duplicates, ${s.dropped} not stored (${((Date.now() - start) / 1000).toFixed(1)} s).`,
    ],
  );
  return ok ? 0 : 1;
}
