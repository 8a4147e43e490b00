// SwarmMedicClient: bounded, batched, in-order event delivery to POST /api/v1/events with retries that keep event ids.
import { randomUUID } from "node:crypto";
import { attempt, authHeaders, type AttemptInit, baseUrl, HttpError, isRecord, readJson } from "./http.js";
import { retryPolicy, withRetries, type Attempt, type RetryPolicy } from "./retry.js";
import type { BackoffOptions, FetchLike, IngestFieldError, SwarmEvent } from "./types.js";

/** Most events the server takes in one request (docs/contract.md#ingest). */
export const MAX_EVENTS_PER_REQUEST = 5000;
/** Request bodies must stay below this many bytes (the server's limit is 5 MiB). */
export const MAX_REQUEST_BYTES = 5 * 1024 * 1024;

/** Options of SwarmMedicClient; only `url` and `key` are required. */
export type SwarmMedicClientOptions = {
  /** Base URL of the Swarm Medic server, e.g. `http://127.0.0.1:3000`. */
  url: string;
  /** Ingest key (`smk_…`); it decides the swarm. */
  key: string;
  /** Events per request, 1–5000 (default 500). */
  batchSize?: number;
  /** Longest time an event waits in the buffer before its batch is sent (default 1000 ms). */
  flushIntervalMs?: number;
  /** Largest request body in bytes, below 5 MiB (default 4 MiB). */
  maxBatchBytes?: number;
  /** Most events held (buffered + in flight); `send` throws QueueFullError beyond it (default 100,000). */
  maxQueue?: number;
  /** Retries per batch on network errors, 408, 429 and 5xx (default 8). */
  maxRetries?: number;
  /** Full-jitter exponential backoff between retries (default 250 ms base, 30 s cap); Retry-After wins when sent. */
  backoff?: BackoffOptions;
  /** Longest wait for one request's answer before it counts as failed and is retried (default 30 s). */
  requestTimeoutMs?: number;
  /** fetch implementation (default: the global fetch). */
  fetch?: FetchLike;
  /** Extra request headers, e.g. `{"x-swarm-medic-clock": "event"}` for a full-speed replay. */
  headers?: Record<string, string>;
  /** Called once per batch that was not stored (default: process.emitWarning). */
  onError?: (error: DeliveryError) => void;
};

/** Counters since the client was created; `queued` is buffered plus in-flight events. */
export type ClientStats = { sent: number; accepted: number; duplicates: number; retries: number; dropped: number; queued: number };

/** Why a batch was not stored: 400, 401/403, 413, another 4xx, retries used up, or close() timed out. */
export type DeliveryFailure = "invalid" | "unauthorized" | "too_large" | "http_error" | "retries_exhausted" | "aborted";

/** A batch the client gave up on; `events` (with their ids) can be re-sent later without creating duplicates. */
export class DeliveryError extends Error {
  constructor(
    message: string,
    readonly reason: DeliveryFailure,
    readonly events: SwarmEvent[],
    readonly status?: number,
    readonly errors: IngestFieldError[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "DeliveryError";
  }
}

/** Thrown by `send` when the queue is full (backpressure): wait (e.g. `await client.flush()`) and send again. */
export class QueueFullError extends Error {
  constructor(readonly capacity: number) {
    super(`Swarm Medic client queue is full (${capacity} events); wait for flush() and retry`);
    this.name = "QueueFullError";
  }
}

type Queued = { seq: number; event: SwarmEvent; json: string; bytes: number };
type Ack = { accepted: number; duplicates: number };

/** Batches events and delivers them one request at a time, in order; see clients/node/README.md. */
export class SwarmMedicClient {
  private readonly endpoint: string;
  private readonly headers: Record<string, string>;
  private readonly batchSize: number;
  private readonly flushIntervalMs: number;
  private readonly maxBatchBytes: number;
  private readonly maxQueue: number;
  private readonly requestTimeoutMs: number;
  private readonly policy: RetryPolicy;
  private readonly fetchFn: FetchLike;
  private readonly onError: (error: DeliveryError) => void;
  private readonly abort = new AbortController();
  private readonly counters = { sent: 0, accepted: 0, duplicates: 0, retries: 0, dropped: 0 };
  private buffer: Queued[] = [];
  private bufferedBytes = 0;
  private inflight = 0;
  private lastSeq = 0;
  private dueSeq = 0;
  private settledSeq = 0;
  private waiters: { target: number; resolve: () => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private draining = false;
  private closed = false;

  constructor(options: SwarmMedicClientOptions) {
    if (!options.key) throw new TypeError("key (an ingest key, smk_…) is required");
    this.endpoint = `${baseUrl(options.url)}/api/v1/events`;
    this.headers = { ...options.headers, ...authHeaders(options.key, true) };
    this.batchSize = intIn("batchSize", options.batchSize ?? 500, 1, MAX_EVENTS_PER_REQUEST);
    this.flushIntervalMs = intIn("flushIntervalMs", options.flushIntervalMs ?? 1000, 0, 2 ** 31 - 1);
    this.maxBatchBytes = intIn("maxBatchBytes", options.maxBatchBytes ?? 4 * 1024 * 1024, 1024, MAX_REQUEST_BYTES - 1);
    this.maxQueue = intIn("maxQueue", options.maxQueue ?? 100_000, 1, Number.MAX_SAFE_INTEGER);
    this.requestTimeoutMs = intIn("requestTimeoutMs", options.requestTimeoutMs ?? 30_000, 1, 2 ** 31 - 1);
    this.policy = retryPolicy(options.backoff, options.maxRetries ?? 8);
    this.fetchFn = options.fetch ?? ((input, init) => fetch(input, init));
    this.onError = options.onError ?? ((error) => process.emitWarning(error));
  }

  /** Queues one event or an array (all or nothing): validates type/timestamp, adds a UUID `id` when missing. */
  send(events: SwarmEvent | readonly SwarmEvent[]): void {
    if (this.closed) throw new Error("SwarmMedicClient is closed");
    const list: readonly unknown[] = Array.isArray(events) ? events : [events];
    if (this.buffer.length + this.inflight + list.length > this.maxQueue) throw new QueueFullError(this.maxQueue);
    const prepared = list.map((event, index) => this.prepare(event, index));
    for (const item of prepared) {
      item.seq = ++this.lastSeq;
      this.buffer.push(item);
      this.bufferedBytes += item.bytes;
    }
    if (this.ready()) this.drain();
    else this.arm();
  }

  /** Resolves once every event queued before the call is acknowledged or given up (reported through onError). */
  flush(): Promise<void> {
    const target = this.lastSeq;
    if (this.settledSeq >= target) return Promise.resolve();
    this.dueSeq = Math.max(this.dueSeq, target);
    this.clearTimer();
    const done = new Promise<void>((resolve) => this.waiters.push({ target, resolve }));
    this.drain();
    return done;
  }

  /** Stops accepting events and flushes; with `timeoutMs`, whatever is still pending then is aborted and reported. */
  async close(options: { timeoutMs?: number } = {}): Promise<void> {
    this.closed = true;
    this.clearTimer();
    const done = this.flush();
    if (options.timeoutMs === undefined) return done;
    const timer = setTimeout(() => this.abort.abort(), options.timeoutMs);
    try {
      await done;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Delivery counters (events, except `retries`, which counts repeated requests). */
  stats(): ClientStats {
    return { ...this.counters, queued: this.buffer.length + this.inflight };
  }

  private prepare(event: unknown, index: number): Queued {
    const where = `event ${index}`;
    if (!isRecord(event)) throw new TypeError(`${where}: must be an object`);
    if (typeof event.type !== "string" || event.type === "") throw new TypeError(`${where}: type must be a non-empty string`);
    const ts = event.timestamp;
    if (!((typeof ts === "string" && ts !== "") || (typeof ts === "number" && Number.isFinite(ts)))) {
      throw new TypeError(`${where}: timestamp is required (ISO-8601 string or epoch ms)`);
    }
    if (event.id !== undefined && (typeof event.id !== "string" || event.id === ""))
      throw new TypeError(`${where}: id must be a non-empty string`);
    const withId = { ...event, id: event.id ?? randomUUID() } as SwarmEvent;
    const json = JSON.stringify(withId);
    const bytes = Buffer.byteLength(json);
    if (bytes + 2 > this.maxBatchBytes) throw new RangeError(`${where}: ${bytes} bytes exceeds maxBatchBytes (${this.maxBatchBytes})`);
    return { seq: 0, event: withId, json, bytes };
  }

  private ready(): boolean {
    const head = this.buffer[0];
    if (!head) return false;
    return (
      head.seq <= this.dueSeq || this.buffer.length >= this.batchSize || this.bufferedBytes + this.buffer.length + 1 >= this.maxBatchBytes
    );
  }

  private arm(): void {
    if (this.timer || this.buffer.length === 0) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.dueSeq = this.lastSeq;
      this.drain();
    }, this.flushIntervalMs);
  }

  private clearTimer(): void {
    clearTimeout(this.timer);
    this.timer = undefined;
  }

  private drain(): void {
    if (this.draining) return;
    this.draining = true;
    void this.run();
  }

  // The only sender: one batch at a time, so batches reach the server in the order they were queued.
  private async run(): Promise<void> {
    while (this.ready()) {
      const batch = this.take();
      this.inflight = batch.length;
      await this.deliver(batch);
      this.inflight = 0;
      this.settle(batch[batch.length - 1]?.seq ?? this.settledSeq);
    }
    this.draining = false;
    this.arm();
  }

  private take(): Queued[] {
    let size = 1;
    let count = 0;
    for (const item of this.buffer) {
      if (count >= this.batchSize || (count > 0 && size + item.bytes + 1 > this.maxBatchBytes)) break;
      size += item.bytes + 1;
      count++;
    }
    const batch = this.buffer.splice(0, count);
    for (const item of batch) this.bufferedBytes -= item.bytes;
    return batch;
  }

  private async deliver(batch: Queued[]): Promise<void> {
    const signal = this.abort.signal;
    const body = `[${batch.map((q) => q.json).join(",")}]`;
    const init: AttemptInit = { method: "POST", headers: this.headers, body, signal, timeoutMs: this.requestTimeoutMs };
    const parseAck = async (res: Response): Promise<Ack> => ackOf(await readJson(res), batch.length);
    const outcome = signal.aborted
      ? undefined
      : await withRetries(
          () => attempt(this.fetchFn, this.endpoint, init, parseAck),
          this.policy,
          signal,
          () => this.counters.retries++,
        );
    if (outcome?.ok) {
      this.counters.sent += batch.length;
      this.counters.accepted += outcome.value.accepted;
      this.counters.duplicates += outcome.value.duplicates;
      return;
    }
    this.counters.dropped += batch.length;
    this.report(
      deliveryError(
        outcome,
        batch.map((q) => q.event),
        signal.aborted,
        this.policy.maxRetries,
      ),
    );
  }

  private settle(seq: number): void {
    this.settledSeq = seq;
    const pending: typeof this.waiters = [];
    for (const waiter of this.waiters) {
      if (waiter.target <= seq) waiter.resolve();
      else pending.push(waiter);
    }
    this.waiters = pending;
  }

  private report(error: DeliveryError): void {
    try {
      this.onError(error);
    } catch (err) {
      process.emitWarning(err instanceof Error ? err : String(err));
    }
  }
}

function intIn(name: string, value: number, min: number, max: number): number {
  if (!Number.isInteger(value) || value < min || value > max) throw new RangeError(`${name} must be an integer in [${min}, ${max}]`);
  return value;
}

function ackOf(body: unknown, count: number): Ack {
  const n = (v: unknown) => (typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined);
  const accepted = isRecord(body) ? n(body.accepted) : undefined;
  const duplicates = isRecord(body) ? n(body.duplicates) : undefined;
  return { accepted: accepted ?? count - (duplicates ?? 0), duplicates: duplicates ?? 0 };
}

function deliveryError(
  outcome: Exclude<Attempt<Ack>, { ok: true }> | undefined,
  events: SwarmEvent[],
  aborted: boolean,
  maxRetries: number,
): DeliveryError {
  const n = events.length;
  if (aborted || !outcome)
    return new DeliveryError(`${n} events not delivered: close() timed out`, "aborted", events, undefined, [], { cause: outcome?.error });
  const { error } = outcome;
  const status = error instanceof HttpError ? error.status : undefined;
  if (outcome.retryable)
    return new DeliveryError(`${n} events dropped after ${maxRetries} retries: ${error.message}`, "retries_exhausted", events, status, [], {
      cause: error,
    });
  const reason: DeliveryFailure =
    status === 400 ? "invalid" : status === 401 || status === 403 ? "unauthorized" : status === 413 ? "too_large" : "http_error";
  return new DeliveryError(`${n} events rejected: ${error.message}`, reason, events, status, fieldErrors(error), { cause: error });
}

function fieldErrors(error: Error): IngestFieldError[] {
  const list = error instanceof HttpError ? error.problem?.errors : undefined;
  if (!Array.isArray(list)) return [];
  return list.filter(isRecord).map((e) => ({
    ...(typeof e.index === "number" ? { index: e.index } : {}),
    path: typeof e.path === "string" ? e.path : "",
    message: typeof e.message === "string" ? e.message : String(e.message),
  }));
}
