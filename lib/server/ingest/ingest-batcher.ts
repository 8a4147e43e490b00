// Group commit for ingest: concurrent requests queue their validated batches; whenever a flush may start, everything
// queued is written in one transaction, and each request is answered after that commit.
// Idle: a request flushes at once (no added latency). Busy: requests share commits, so throughput scales
// with concurrency instead of being bound by one commit per request.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import { ApiError } from "../http/errors";
import type { ValidEvent } from "./validate-batch";
import { type EventRow, eventKey, insertEventRows, type StoredEvent } from "./event-store";

/** Result of storing one request's batch (`tx`: the transaction that stored it, as recorded in events.tx). */
export type StoreResult = { accepted: number; duplicates: number; stored: StoredEvent[]; tx: string };

/** How long flushes claim their keys at once after one met a duplicate. */
const CLAIM_AFTER_DUPLICATE_MS = 1_000;

/** Rows that make a flush large enough to run beside another (two such flushes pipeline; smaller ones coalesce).
 * In bench:ingest (32 clients sending batches of 100), 800 and 1,500 both measured ~7 % more events/s than 200:
 * fewer, larger flushes overlap less, and two flushes in flight cost Postgres more per row than one. */
export const PARALLEL_FLUSH_MIN_ROWS = 1_000;

/** Whether another flush may start with `queuedRows` waiting and `inFlight` flushes running: always when none runs;
 * beside a running one only for a large flush (at least PARALLEL_FLUSH_MIN_ROWS rows), which pipelines with it. Small flushes
 * wait and coalesce instead: each commit costs Postgres a fixed ~0.3 ms whatever its size, and under single-event
 * load two small flushes in flight cost about a third more Postgres CPU per event than one twice their size. */
export function mayStartFlush(inFlight: number, maxInFlight: number, queuedRows: number): boolean {
  if (inFlight === 0) return true;
  return inFlight < maxInFlight && queuedRows >= PARALLEL_FLUSH_MIN_ROWS;
}

type Job = { swarmId: number; events: StoredEvent[]; received: number; resolve: (r: StoreResult) => void; reject: (e: unknown) => void };

/** Limits of the batcher. */
export type BatcherOptions = { maxRowsPerFlush?: number; maxInFlight?: number; maxQueuedRows?: number };

/** Queues validated batches and writes them with shared commits. */
export class IngestBatcher {
  private queue: Job[] = [];
  private queuedRows = 0;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];
  private readonly maxRows: number;
  private readonly maxInFlight: number;
  private readonly maxQueued: number;
  /** Until when flushes claim their keys at once: set after an optimistic write met a stored key, since duplicates
   * come in bursts (clients re-sending after an outage) and each failed optimistic write is work thrown away. */
  private claimUntil = 0;

  constructor(
    private pool: pg.Pool,
    opts: BatcherOptions = {},
  ) {
    this.maxRows = opts.maxRowsPerFlush ?? 5_000;
    this.maxInFlight = opts.maxInFlight ?? 2;
    this.maxQueued = opts.maxQueuedRows ?? 50_000;
  }

  /** Stores one request's events; resolves after the commit that contains them. 503 when the queue is full. */
  submit(swarmId: number, events: ValidEvent[], receivedAt: number): Promise<StoreResult> {
    if (this.queuedRows + events.length > this.maxQueued) {
      return Promise.reject(new ApiError(503, "overloaded", "Ingest is saturated; retry shortly.", { retryAfterS: 1 }));
    }
    // A literal, not a spread: one object shape for every event (the spread of events whose optional fields differ
    // cost about 1 µs per event in bench:ingest's profile).
    const stored = events.map((e): StoredEvent => ({
      raw: e.raw,
      id: e.id,
      type: e.type,
      ts: e.ts,
      agentId: e.agentId,
      taskId: e.taskId,
      eventId: e.id ?? randomUUID(),
    }));
    return new Promise((resolve, reject) => {
      this.queue.push({ swarmId, events: stored, received: receivedAt, resolve, reject });
      this.queuedRows += events.length;
      this.pump();
    });
  }

  /** Validated events waiting for a commit. */
  get queued(): number {
    return this.queuedRows;
  }

  /** Resolves once nothing is queued or being written (for graceful shutdown). */
  drain(): Promise<void> {
    if (this.inFlight === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private pump(): void {
    while (this.queue.length > 0 && mayStartFlush(this.inFlight, this.maxInFlight, this.queuedRows)) {
      const jobs: Job[] = [];
      let rows = 0;
      while (this.queue.length > 0 && (jobs.length === 0 || rows + this.queue[0]!.events.length <= this.maxRows)) {
        const job = this.queue.shift()!;
        rows += job.events.length;
        jobs.push(job);
      }
      this.queuedRows -= rows;
      this.inFlight++;
      void this.flush(jobs);
    }
  }

  /** A flush's write has ended: the next flush starts before its requests are answered, so Postgres is not left idle
   * while they are; `answer` then settles them, and drain() resolves once all is quiet. */
  private written(answer: () => void): void {
    this.inFlight--;
    this.pump();
    answer();
    if (this.inFlight === 0 && this.queue.length === 0) this.idleWaiters.splice(0).forEach((w) => w());
  }

  private async flush(jobs: Job[]): Promise<void> {
    const seen = new Set<string>();
    const rows: EventRow[] = [];
    const firsts: StoredEvent[][] = jobs.map(() => []);
    jobs.forEach((job, j) => {
      for (const e of job.events) {
        const key = eventKey(job.swarmId, e.eventId);
        if (seen.has(key)) continue;
        seen.add(key);
        firsts[j]!.push(e);
        rows.push({
          swarm_id: job.swarmId,
          event_id: e.eventId,
          type: e.type,
          ts: e.ts,
          agent_id: e.agentId ?? null,
          task_id: e.taskId ?? null,
          received_at: job.received,
          body: e.raw,
          keyed: e.id !== undefined,
        });
      }
    });
    let duplicates: Set<string>;
    let tx: string;
    try {
      const optimistic = Date.now() >= this.claimUntil;
      let conflicted: boolean;
      ({ duplicates, tx, conflicted } = await insertEventRows(this.pool, rows, { optimistic }));
      if (conflicted || duplicates.size > 0) this.claimUntil = Date.now() + CLAIM_AFTER_DUPLICATE_MS;
    } catch (err) {
      this.written(() => jobs.forEach((job) => job.reject(err)));
      return;
    }
    this.written(() =>
      jobs.forEach((job, j) => {
        const stored = duplicates.size === 0 ? firsts[j]! : firsts[j]!.filter((e) => !duplicates.has(eventKey(job.swarmId, e.eventId)));
        job.resolve({ accepted: stored.length, duplicates: job.events.length - stored.length, stored, tx });
      }),
    );
  }
}
