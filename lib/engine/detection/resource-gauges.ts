// The newest resource figures of one swarm (tokens, agent quota, queue) from snapshots, samples and exhaustion signals.
import type { EngineEvent } from "../model/types";
import { nonNeg, obj, ratioOf, str } from "./event-readers";

/** A token usage figure: the ratio, plus budget and consumption when the source gave them. */
export type TokenSample = { ratio: number; totalBudget: number | null; consumed: number | null };

/** The gauges as rules read them; null = no fresh value inside the window. */
export type ResourceReading = {
  tokens: TokenSample | null;
  /** Whether the token ratio rose from the oldest sample in the window to the newest. */
  tokensIncreasing: boolean;
  totalQuotas: number | null;
  activeAgents: number | null;
  pendingTasks: number | null;
  /** CRITICAL + HIGH tasks pending. */
  highPriority: number | null;
  byPriority: Record<string, number> | null;
};

const PRIORITIES = ["CRITICAL", "HIGH", "MEDIUM", "LOW", "BACKGROUND"] as const;
const TOKEN_RESOURCES = new Set(["token", "tokens"]);
const AGENT_RESOURCES = new Set(["agent", "agents"]);

/** One value and its event time; a newer (or equally new, later-arriving) value replaces an older one. */
class Latest<T> {
  private value: T | null = null;
  private ts = -Infinity;

  set(value: T, ts: number): void {
    if (ts < this.ts) return;
    this.value = value;
    this.ts = ts;
  }

  read(fromTs: number): T | null {
    return this.ts >= fromTs ? this.value : null;
  }
}

/** Bounded latest-value gauges plus a per-bucket trail of token ratios (for `increasing`). */
export class ResourceGauges {
  private readonly tokens = new Latest<TokenSample>();
  private trail: { idx: number; ts: number; ratio: number }[] = [];
  private readonly totalQuotas = new Latest<number>();
  private readonly activeAgents = new Latest<number>();
  private readonly pending = new Latest<number>();
  private readonly highPriority = new Latest<number>();
  private readonly byPriority = new Latest<Record<string, number>>();

  constructor(private readonly bucketMs: number) {}

  /** Takes any gauge figures the event carries (other event types are ignored). */
  observe(e: EngineEvent): void {
    const meta = obj(e.data.metadata);
    if (e.type === "resource_snapshot") this.snapshot(e.ts, meta);
    else if (e.type === "resource_metric") this.sample(e.ts, meta);
    else if (e.type === "queue_metric") {
      this.setIf(this.pending, nonNeg(meta?.queue_depth), e.ts);
      this.setIf(this.highPriority, nonNeg(meta?.high_priority_count), e.ts);
    } else if (e.type === "quota_exceeded" || e.type === "resource_exhaustion") this.signal(e);
  }

  /** Drops trail buckets older than `firstIdx`. */
  expire(firstIdx: number): void {
    let drop = 0;
    while (drop < this.trail.length && (this.trail[drop]?.idx ?? Infinity) < firstIdx) drop++;
    if (drop > 0) this.trail.splice(0, drop);
  }

  /** The fresh gauges (stamped at or after `fromTs`); call `expire` first. */
  read(fromTs: number): ResourceReading {
    const tokens = this.tokens.read(fromTs);
    const oldest = this.trail[0];
    return {
      tokens,
      tokensIncreasing: tokens !== null && oldest !== undefined && tokens.ratio > oldest.ratio,
      totalQuotas: this.totalQuotas.read(fromTs),
      activeAgents: this.activeAgents.read(fromTs),
      pendingTasks: this.pending.read(fromTs),
      highPriority: this.highPriority.read(fromTs),
      byPriority: this.byPriority.read(fromTs),
    };
  }

  /** Number of trail buckets held (for memory bounds). */
  get size(): number {
    return this.trail.length;
  }

  private snapshot(ts: number, meta: Record<string, unknown> | undefined): void {
    const tokens = obj(meta?.tokens);
    const budget = nonNeg(tokens?.total_budget);
    const consumed = nonNeg(tokens?.consumed);
    const ratio = budget && consumed !== undefined ? ratioOf(consumed, budget) : undefined;
    if (ratio !== undefined) this.setTokens({ ratio, totalBudget: budget ?? null, consumed: consumed ?? null }, ts);
    const agents = obj(meta?.agents);
    this.setIf(this.totalQuotas, nonNeg(agents?.total_quotas), ts);
    this.setIf(this.activeAgents, nonNeg(agents?.active_agents), ts);
    const queue = obj(meta?.queue);
    this.setIf(this.pending, nonNeg(queue?.pending_tasks), ts);
    const given = obj(queue?.by_priority);
    if (!given) return;
    const byPriority: Record<string, number> = {};
    for (const p of PRIORITIES) {
      const n = nonNeg(given[p]);
      if (n !== undefined) byPriority[p] = n;
    }
    this.byPriority.set(byPriority, ts);
    this.highPriority.set((byPriority.CRITICAL ?? 0) + (byPriority.HIGH ?? 0), ts);
  }

  private sample(ts: number, meta: Record<string, unknown> | undefined): void {
    const percent = nonNeg(meta?.token_usage_percent);
    if (percent !== undefined) this.setTokens({ ratio: percent / 100, totalBudget: null, consumed: null }, ts);
    this.setIf(this.activeAgents, nonNeg(meta?.active_agents), ts);
    this.setIf(this.pending, nonNeg(meta?.queue_depth), ts);
  }

  /** quota_exceeded / resource_exhaustion carrying current_usage and limit become a token or agent-quota sample. */
  private signal(e: EngineEvent): void {
    const kind = str(e.data.resource_type)?.toLowerCase();
    const usage = nonNeg(e.data.current_usage);
    const limit = nonNeg(e.data.limit);
    if (kind === undefined || usage === undefined || !limit) return;
    const ratio = ratioOf(usage, limit);
    if (TOKEN_RESOURCES.has(kind) && ratio !== undefined) this.setTokens({ ratio, totalBudget: limit, consumed: usage }, e.ts);
    else if (AGENT_RESOURCES.has(kind)) {
      this.totalQuotas.set(limit, e.ts);
      this.activeAgents.set(usage, e.ts);
    }
  }

  private setTokens(sample: TokenSample, ts: number): void {
    this.tokens.set(sample, ts);
    const idx = Math.floor(ts / this.bucketMs);
    let i = this.trail.length - 1;
    while (i >= 0 && (this.trail[i]?.idx ?? -Infinity) > idx) i--;
    const bucket = this.trail[i];
    if (bucket && bucket.idx === idx) {
      if (ts < bucket.ts) this.trail[i] = { idx, ts, ratio: sample.ratio };
    } else this.trail.splice(i + 1, 0, { idx, ts, ratio: sample.ratio });
  }

  private setIf(gauge: Latest<number>, value: number | undefined, ts: number): void {
    if (value !== undefined) gauge.set(value, ts);
  }
}
