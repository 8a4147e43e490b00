// The health score's success term input: the share of the tasks finished in the recent window whose final attempt
// succeeded. A task that failed and then succeeded on a retry counts once, as a success: the swarm's work got done.
import type { EngineEvent } from "../model/types";
import { taskOf, taskOutcome } from "../healing/event-fields";

/** Width of one bucket of task results. */
const BUCKET_MS = 60_000;
/** Failed task ids remembered so that a later success on a retry can turn them into successes. */
const MAX_FAILED_REMEMBERED = 5_000;

type Bucket = { start: number; tasks: number; successes: number };

/** Task results per minute over a sliding window, by each task's latest outcome; bounded (docs/decisions.md#d3). */
export class TaskOutcomes {
  private buckets: Bucket[] = [];
  /** Failed task id → the start of the bucket that counted the failure. */
  private failed = new Map<string, number>();

  constructor(private readonly windowMs = 5 * 60_000) {}

  /** Folds in a task's end (success or failure) that arrived `at` (default: its own time); other events are ignored. */
  observe(e: EngineEvent, at = e.ts): void {
    const outcome = taskOutcome(e);
    if (outcome === null) return;
    const id = taskOf(e);
    const counted = id === undefined ? undefined : this.failed.get(id);
    const earlier = counted === undefined ? undefined : this.buckets.find((b) => b.start === counted);
    if (id !== undefined && counted !== undefined) this.failed.delete(id);
    if (earlier) {
      // A retry of a task already counted as failed: the same task, now with its latest outcome.
      if (outcome === "success") earlier.successes++;
      else this.rememberFailed(id!, earlier.start);
      return;
    }
    const bucket = this.bucketAt(at);
    bucket.tasks++;
    if (outcome === "success") bucket.successes++;
    else if (id !== undefined) this.rememberFailed(id, bucket.start);
  }

  /** Successes ÷ tasks over the window ending at `now` (default: the newest result), or null when no task finished in it. */
  rate(now = (this.buckets.at(-1)?.start ?? 0) + BUCKET_MS): number | null {
    let tasks = 0;
    let successes = 0;
    for (const b of this.buckets) {
      if (b.start + BUCKET_MS <= now - this.windowMs) continue;
      tasks += b.tasks;
      successes += b.successes;
    }
    return tasks > 0 ? Math.min(1, successes / tasks) : null;
  }

  private bucketAt(ts: number): Bucket {
    const start = Math.floor(ts / BUCKET_MS) * BUCKET_MS;
    let b = this.buckets.find((x) => x.start === start);
    if (!b) {
      b = { start, tasks: 0, successes: 0 };
      this.buckets.push(b);
      this.buckets.sort((x, y) => x.start - y.start);
      const newest = this.buckets[this.buckets.length - 1]!.start;
      this.buckets = this.buckets.filter((x) => x.start > newest - this.windowMs - BUCKET_MS);
    }
    return b;
  }

  private rememberFailed(id: string, bucketStart: number): void {
    this.failed.set(id, bucketStart);
    if (this.failed.size > MAX_FAILED_REMEMBERED) this.failed.delete(this.failed.keys().next().value!);
  }
}
