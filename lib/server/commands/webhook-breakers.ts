// A circuit breaker per webhook target (opossum: the maintained Node breaker with rolling windows and half-open
// probes). While a coordinator's webhook keeps failing, its circuit opens and its swarm's commands are not claimed
// at all: they wait in Postgres and time out at their deadline (failing their healing with that reason) instead of
// being hammered with retries. After `resetTimeout` one probe delivery is let through; success closes the circuit.
import CircuitBreaker from "opossum";

/** Breaker settings (opossum's names). */
export type BreakerOptions = {
  resetTimeout: number;
  errorThresholdPercentage: number;
  volumeThreshold: number;
  rollingCountTimeout: number;
};

/** Defaults: open when at least half of 5+ deliveries in a minute failed; probe again after 30 s. */
export const DEFAULT_BREAKER_OPTIONS: BreakerOptions = {
  resetTimeout: 30_000,
  errorThresholdPercentage: 50,
  volumeThreshold: 5,
  rollingCountTimeout: 60_000,
};

/** What a breaker allows right now: every due command, one probe, or nothing. */
export type BreakerState = "closed" | "half_open" | "open";

/** One breaker per webhook URL. */
export class WebhookBreakers {
  private readonly breakers = new Map<string, CircuitBreaker<[() => Promise<boolean>], boolean>>();

  constructor(private readonly options: BreakerOptions = DEFAULT_BREAKER_OPTIONS) {}

  private breaker(url: string) {
    let b = this.breakers.get(url);
    if (!b) {
      b = new CircuitBreaker(
        async (attempt: () => Promise<boolean>) => {
          if (!(await attempt())) throw new Error("webhook delivery failed");
          return true;
        },
        { ...this.options, timeout: false },
      );
      this.breakers.set(url, b);
    }
    return b;
  }

  /** The circuit of `url`. */
  state(url: string): BreakerState {
    const b = this.breakers.get(url);
    return !b ? "closed" : b.halfOpen ? "half_open" : b.opened ? "open" : "closed";
  }

  /** Runs one delivery through the circuit; resolves to whether it succeeded (false when the circuit refused it). */
  async run(url: string, attempt: () => Promise<boolean>): Promise<boolean> {
    return this.breaker(url)
      .fire(attempt)
      .catch(() => false);
  }

  /** Stops every breaker's timers. */
  shutdown(): void {
    for (const b of this.breakers.values()) b.shutdown();
    this.breakers.clear();
  }
}
