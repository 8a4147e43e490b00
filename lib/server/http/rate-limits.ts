// Request rate limits (docs/reliability.md#s8), in memory per instance through rate-limiter-flexible (a well-kept limiter
// with exact token-bucket-like windows, so we don't hand-roll one): ingest per key (events/s and bytes/s) and
// proposal decisions per user. Sign-in is limited per IP by better-auth's own limiter. Exceeding one → 429 with
// Retry-After.
import { RateLimiterMemory, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "./errors";

/** Limits per one-second (ingest) or one-minute (decisions) window. */
export type RateLimitConfig = { ingestEventsPerS: number; ingestBytesPerS: number; decisionsPerMin: number };

/** Defaults (ingest: INGEST_MAX_EVENTS_PER_S / INGEST_MAX_BYTES_PER_S), far above one agent system's steady rate. */
export const DEFAULT_RATE_LIMITS: RateLimitConfig = { ingestEventsPerS: 50_000, ingestBytesPerS: 50 * 1024 * 1024, decisionsPerMin: 30 };

/** The limiters of one process. */
export class RateLimits {
  private readonly events: RateLimiterMemory;
  private readonly bytes: RateLimiterMemory;
  private readonly decisions: RateLimiterMemory;

  constructor(readonly config: RateLimitConfig = DEFAULT_RATE_LIMITS) {
    this.events = new RateLimiterMemory({ keyPrefix: "ingest-events", points: config.ingestEventsPerS, duration: 1 });
    this.bytes = new RateLimiterMemory({ keyPrefix: "ingest-bytes", points: config.ingestBytesPerS, duration: 1 });
    this.decisions = new RateLimiterMemory({ keyPrefix: "decisions", points: config.decisionsPerMin, duration: 60 });
  }

  /** Counts one ingest request of `events` events and `bytes` bytes against the key; throws 429 when over. */
  async ingest(keyId: number, events: number, bytes: number): Promise<void> {
    await consume(
      this.events,
      String(keyId),
      Math.max(events, 1),
      "ingest_rate_limited",
      `This ingest key may send ${this.config.ingestEventsPerS} events per second.`,
    );
    await consume(
      this.bytes,
      String(keyId),
      Math.max(bytes, 1),
      "ingest_rate_limited",
      `This ingest key may send ${this.config.ingestBytesPerS} bytes per second.`,
    );
  }

  /** Counts one approve/reject by `actor`; throws 429 when over. */
  async decision(actor: string): Promise<void> {
    await consume(
      this.decisions,
      actor,
      1,
      "decision_rate_limited",
      `At most ${this.config.decisionsPerMin} proposal decisions per minute.`,
    );
  }
}

async function consume(limiter: RateLimiterMemory, key: string, points: number, code: string, message: string): Promise<void> {
  try {
    await limiter.consume(key, points);
  } catch (res) {
    if (!(res instanceof RateLimiterRes)) throw res;
    throw new ApiError(429, code, `${message} Retry after the Retry-After header's seconds.`, {
      retryAfterS: Math.max(1, Math.ceil(res.msBeforeNext / 1000)),
    });
  }
}
