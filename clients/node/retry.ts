// Retry machinery shared by the client: full-jitter backoff, Retry-After, abortable sleep and the retry loop.
import type { BackoffOptions } from "./types.js";

/** Resolved backoff bounds and retry budget. */
export type RetryPolicy = { baseMs: number; maxMs: number; maxRetries: number };

/** The outcome of one attempt: a value, or an error that may be retried (after `retryAfterMs` if the server said so). */
export type Attempt<T> = { ok: true; value: T } | { ok: false; retryable: boolean; error: Error; retryAfterMs?: number | undefined };

/** Longest Retry-After honoured, so a bogus header cannot park a sender for days. */
export const MAX_RETRY_AFTER_MS = 10 * 60_000;

/** Fills in backoff defaults (250 ms base, 30 s cap) and validates them. */
export function retryPolicy(backoff: BackoffOptions = {}, maxRetries = 8): RetryPolicy {
  const { baseMs = 250, maxMs = 30_000 } = backoff;
  if (!(baseMs > 0) || !(maxMs >= baseMs)) throw new RangeError("backoff needs 0 < baseMs <= maxMs");
  if (!Number.isInteger(maxRetries) || maxRetries < 0) throw new RangeError("maxRetries must be an integer >= 0");
  return { baseMs, maxMs, maxRetries };
}

/** Full-jitter delay before retry number `retry` (0-based): uniform in [0, min(maxMs, baseMs·2^retry)). */
export function backoffDelay(retry: number, policy: Pick<RetryPolicy, "baseMs" | "maxMs">, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/** Parses a Retry-After header (delta seconds or HTTP date) into milliseconds from `now`; undefined if absent or invalid. */
export function parseRetryAfter(header: string | null | undefined, now: number = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const ms = /^\d+$/.test(value) ? Number(value) * 1000 : /^[a-z]/i.test(value) ? Date.parse(value) - now : NaN;
  if (Number.isNaN(ms)) return undefined;
  return Math.min(Math.max(0, ms), MAX_RETRY_AFTER_MS);
}

/** True for statuses worth retrying: 408, 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 429 || status >= 500;
}

/** Waits `ms`, or less if `signal` aborts first; never rejects. */
export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener("abort", done, { once: true });
  });
}

/** Runs `attempt` until it succeeds, fails for good, the retry budget is spent or `signal` aborts; returns the last outcome. */
export async function withRetries<T>(
  attempt: () => Promise<Attempt<T>>,
  policy: RetryPolicy,
  signal: AbortSignal,
  onRetry: () => void = () => {},
): Promise<Attempt<T>> {
  for (let retry = 0; ; retry++) {
    const outcome = await attempt();
    if (outcome.ok || !outcome.retryable || retry >= policy.maxRetries || signal.aborted) return outcome;
    onRetry();
    await sleep(outcome.retryAfterMs ?? backoffDelay(retry, policy), signal);
    if (signal.aborted) return outcome;
  }
}

/** Turns any thrown value into an Error. */
export function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}
