// This instance's part in a cluster on one database: it owns the engine of some swarms (one owner per swarm, an
// advisory lock on the ownership session, fenced by an epoch), feeds their engines from its own ingest and from
// Postgres, takes over the swarms of an instance that died, and relays engine inputs to the owner elsewhere.
import { randomUUID } from "node:crypto";
import type pg from "pg";
import type { Logger } from "pino";
import type { Db } from "../db/prisma";
import type { Engine, CommandResult, HealingState as HealingRecord, DecisionInput, SwarmConfig, EngineEvent } from "@/lib/engine";
import { runningHealings, settleAdopted } from "./adopted-healings";
import { openProposals, reconcileOpenItems } from "./reconcile-open-items";
import { oldestUnread, readProcessedWindow } from "./event-reader";
import { ENGINE_CHANNEL, EVENTS_CHANNEL, OwnerSession } from "./owner-session";
import { lagMs, lostSwarms } from "./ownership-rules";
import { SwarmFeed } from "./swarm-feed";

/** How often ownership is re-checked, cursors are recorded and free swarms are tried. */
export const BEAT_MS = 1_000;
/** How much of a taken-over swarm's recent history is replayed into the engine (the detection and prediction windows). */
export const WARM_WINDOW_MS = 10 * 60_000;
const WARM_MAX_EVENTS = 200_000;

type EngineNotice =
  | { op: "command"; swarm: string; id: string; result: CommandResult }
  | { op: "decide"; swarm: string; predictionId: string; decision: DecisionInput }
  | { op: "decideHealing"; swarm: string; healingId: string; decision: DecisionInput }
  | { op: "settings"; swarm: string }
  | { op: "time"; swarm: string; mode: "wall" | "event" };

/** What the node needs: the database, the engine, how to prepare a swarm's engine state after a takeover, and how to
 * apply a swarm's stored settings to it (after a change made on another instance). */
export type ClusterDeps = {
  url: string;
  pool: pg.Pool;
  db: Db;
  engine: Engine;
  log: Logger;
  prepare: (swarm: string) => Promise<void>;
  applySettings: (swarm: string) => Promise<void>;
};

/** A change of ownership, for what runs only on a swarm's owner (the demo feed). */
export type OwnershipListener = (swarm: string, owned: boolean) => void;

/** Engine ownership of this instance. */
export class ClusterNode {
  /** This instance's id in swarm_owners. */
  readonly instanceId = randomUUID();
  private session: OwnerSession | null = null;
  private feeds = new Map<number, SwarmFeed>();
  private kicked = new Set<number>();
  /** Swarms being taken over: ownership is recorded, the engine is being prepared. */
  private taking = new Set<string>();
  private listeners: OwnershipListener[] = [];
  private work = new Set<Promise<unknown>>();
  private timer: NodeJS.Timeout | null = null;
  private beating: Promise<void> | null = null;
  private beatAgain = false;
  private stopped = false;
  private finishAdopted: (swarm: string, healing: HealingRecord) => void = () => undefined;
  private address: string | null = null;

  constructor(private deps: ClusterDeps) {}

  /** Starts the ownership loop; `finishAdopted` stores and publishes a taken-over healing that ended. */
  start(finishAdopted: (swarm: string, healing: HealingRecord) => void): void {
    this.finishAdopted = finishAdopted;
    const loop = () => {
      this.timer = setTimeout(() => void this.kick().finally(() => this.stopped || loop()), BEAT_MS);
      this.timer.unref();
    };
    void this.kick();
    loop();
  }

  /** Where the other instances reach this one (its internal URL, once it listens): recorded with every swarm it owns. */
  setAddress(url: string): void {
    this.address = url;
    void this.kick();
  }

  /** Subscribes to ownership changes of this instance. */
  onOwnership(fn: OwnershipListener): void {
    this.listeners.push(fn);
  }

  /** Names of the swarms this instance owns. */
  ownedSwarms(): Set<string> {
    return new Set([...this.feeds.values()].map((f) => f.name));
  }

  /** The epoch under which this instance may write a swarm's engine outputs (null: not the owner). */
  epochOf(swarm: string): { swarmId: number; epoch: bigint } | null {
    for (const f of this.feeds.values()) if (f.name === swarm) return { swarmId: f.swarmId, epoch: f.epoch };
    return null;
  }

  /** Whether this instance runs the swarm's engine: it owns the swarm or is taking it over (reads of the engine's live
   * state are answered here then, and nowhere else). */
  runsEngineOf(swarm: string): boolean {
    return this.taking.has(swarm) || this.epochOf(swarm) !== null;
  }

  /** Events this instance just stored (committed in `tx`): fed here when it owns the swarm, else announced to the owner. */
  delivered(swarmId: number, swarm: string, tx: string, events: EngineEvent[]): void {
    const feed = this.feeds.get(swarmId);
    if (feed) {
      if (!feed.deliverLocal(BigInt(tx), events)) this.track(feed.pull());
      return;
    }
    this.track(this.deps.pool.query("SELECT pg_notify($1, $2)", [EVENTS_CHANNEL, String(swarmId)]));
    if (!this.kicked.has(swarmId)) {
      this.kicked.add(swarmId);
      this.track(this.kick());
    }
  }

  /** A command's result or delivery: to the owner's engine (here, or relayed through Postgres). */
  commandResult(swarm: string, id: string, result: CommandResult): void {
    if (this.epochOf(swarm)) this.applyCommand(swarm, id, result);
    else this.relay({ op: "command", swarm, id, result });
  }

  /** An operator's decision on a proposal: to the owner's engine. */
  decide(swarm: string, predictionId: string, decision: DecisionInput): void {
    if (this.epochOf(swarm)) this.deps.engine.decide(swarm, predictionId, decision);
    else this.relay({ op: "decide", swarm, predictionId, decision });
  }

  /** An operator's decision on a healing waiting for approval: to the owner's engine. */
  decideHealing(swarm: string, healingId: string, decision: DecisionInput): void {
    if (this.epochOf(swarm)) this.deps.engine.decideHealing(swarm, healingId, decision);
    else this.relay({ op: "decideHealing", swarm, healingId, decision });
  }

  /** A swarm's settings changed (already stored): applied to the engine here when this instance owns the swarm, else
   * the owner elsewhere reloads them (a non-owner never holds a swarm's engine). */
  settingsChanged(swarm: string, config: SwarmConfig): void {
    if (this.epochOf(swarm)) this.deps.engine.configure(swarm, config);
    else this.relay({ op: "settings", swarm });
  }

  /** A swarm's time mode: here and on every other instance (whichever owns it now or later). */
  setTimeMode(swarm: string, mode: "wall" | "event"): void {
    this.deps.engine.setTimeMode(swarm, mode);
    this.relay({ op: "time", swarm, mode });
  }

  /** Resolves once every read and takeover started so far has finished. */
  async idle(): Promise<void> {
    while (this.work.size > 0) await Promise.allSettled([...this.work]);
  }

  /** Ownership as /api/v1/health reports it; lag: how far the cursors are behind stored events. */
  async report(): Promise<{ instance_id: string; owned_swarms: string[]; lag_ms: number }> {
    const now = Date.now();
    const lags = await Promise.all(
      [...this.feeds.values()].map(async (f) =>
        lagMs(await oldestUnread(this.deps.pool, f.swarmId, f.ledger.cursor, f.ledger.localTxs()), now),
      ),
    );
    return { instance_id: this.instanceId, owned_swarms: [...this.ownedSwarms()].sort(), lag_ms: Math.max(0, ...lags) };
  }

  /** Records the cursors one last time and ends the session (its locks go to the other instances). */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.beating;
    await this.idle();
    await this.session?.heartbeat(this.ownedList(), this.address).catch(() => undefined);
    for (const id of [...this.feeds.keys()]) this.stepDown(id);
    await this.session?.close();
    this.session = null;
  }

  private track<T>(p: Promise<T>): void {
    const tracked = p
      .catch((err: Error) => this.deps.log.warn({ err: err.message }, "cluster: background work failed"))
      .finally(() => this.work.delete(tracked));
    this.work.add(tracked);
  }

  private relay(notice: EngineNotice): void {
    this.track(this.deps.pool.query("SELECT pg_notify($1, $2)", [ENGINE_CHANNEL, JSON.stringify(notice)]));
  }

  private applyCommand(swarm: string, id: string, result: CommandResult): void {
    this.deps.engine.commandResult(swarm, id, result);
    const feed = [...this.feeds.values()].find((f) => f.name === swarm);
    if (feed && feed.adopted.size > 0 && (result.status === "succeeded" || result.status === "failed")) this.track(this.settle(feed));
  }

  private onNotice(channel: string, payload: string): void {
    if (channel === EVENTS_CHANNEL) {
      const feed = this.feeds.get(Number(payload));
      if (feed?.ready) this.track(feed.pull());
      return;
    }
    let n: EngineNotice;
    try {
      n = JSON.parse(payload) as EngineNotice;
    } catch {
      return;
    }
    if (n.op === "time") return this.deps.engine.setTimeMode(n.swarm, n.mode);
    if (!this.epochOf(n.swarm)) return;
    if (n.op === "command") this.applyCommand(n.swarm, n.id, n.result);
    else if (n.op === "decide") this.deps.engine.decide(n.swarm, n.predictionId, n.decision);
    else if (n.op === "decideHealing") this.deps.engine.decideHealing(n.swarm, n.healingId, n.decision);
    else this.track(this.deps.applySettings(n.swarm));
  }

  /** One beat now (or right after the running one). */
  private kick(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.beating) {
      this.beatAgain = true;
      return this.beating;
    }
    this.beating = (async () => {
      do {
        this.beatAgain = false;
        await this.beat().catch((err: Error) => this.deps.log.warn({ err: err.message }, "cluster: ownership beat failed"));
      } while (this.beatAgain && !this.stopped);
    })().finally(() => (this.beating = null));
    return this.beating;
  }

  private ownedList() {
    return [...this.feeds.values()].map((f) => ({ swarmId: f.swarmId, epoch: f.epoch, cursor: f.ledger.cursor }));
  }

  private async beat(): Promise<void> {
    if (!this.session) {
      this.session = await OwnerSession.open(
        this.deps.url,
        (c, p) => this.onNotice(c, p),
        (err) => this.sessionEnded(err),
      );
    }
    const session = this.session;
    const fenced = await session.heartbeat(this.ownedList(), this.address);
    const held = await session.heldLocks();
    for (const id of lostSwarms([...this.feeds.keys()], held, fenced)) {
      this.stepDown(id);
      if (held.has(id)) await session.unlock(id);
    }
    for (const { id, name } of await session.tryLock([...this.feeds.keys()])) {
      if (this.stopped) return void (await session.unlock(id));
      this.taking.add(name);
      await this.takeOver(session, id, name).finally(() => this.taking.delete(name));
    }
    for (const feed of this.feeds.values()) {
      if (!feed.ready) continue;
      this.track(feed.pull());
      if (feed.adopted.size > 0) this.track(this.settle(feed));
    }
  }

  private async takeOver(session: OwnerSession, swarmId: number, name: string): Promise<void> {
    const t = await session.takeOwnership(swarmId, this.instanceId, this.address);
    const { engine, pool, db, log } = this.deps;
    engine.forget(name);
    await this.deps.prepare(name);
    const reconciled = await reconcileOpenItems(db, swarmId, Date.now());
    if (reconciled.bottlenecks + reconciled.incidents > 0)
      log.info({ swarm: name, ...reconciled }, "cluster: stored open items of the previous engine closed");
    engine.adoptProposals(name, await openProposals(db, swarmId));
    engine.warm(name, await readProcessedWindow(pool, swarmId, t.cursor, Date.now() - WARM_WINDOW_MS, WARM_MAX_EVENTS));
    const feed = new SwarmFeed(swarmId, name, t.epoch, t.cursor, { pool, engine });
    this.feeds.set(swarmId, feed);
    // Adopted before the catch-up read: it replays events the previous owner fed after its last recorded cursor, and a
    // failure they show again must join the healing already running, not start a second one.
    const running = await runningHealings(db, swarmId);
    for (const h of running) engine.adoptHealing(name, h.id, h.failure);
    feed.adopted = new Set(running.map((h) => h.id));
    await feed.pull();
    feed.ready = true;
    this.track(feed.pull());
    log.info({ swarm: name, epoch: t.epoch.toString(), adopted: feed.adopted.size }, "cluster: engine owner of the swarm");
    for (const fn of this.listeners) fn(name, true);
  }

  private stepDown(swarmId: number): void {
    const feed = this.feeds.get(swarmId);
    if (!feed) return;
    feed.close();
    this.feeds.delete(swarmId);
    this.deps.engine.forget(feed.name);
    if (!this.stopped) this.deps.log.warn({ swarm: feed.name }, "cluster: no longer the engine owner of the swarm");
    for (const fn of this.listeners) fn(feed.name, false);
  }

  private sessionEnded(err?: Error): void {
    if (!this.stopped) this.deps.log.warn({ err: err?.message }, "cluster: ownership session ended; stepping down");
    this.session = null;
    for (const id of [...this.feeds.keys()]) this.stepDown(id);
  }

  private async settle(feed: SwarmFeed): Promise<void> {
    if (feed.settling) return;
    feed.settling = true;
    try {
      const s = await settleAdopted(this.deps.db, feed.swarmId, [...feed.adopted], Date.now());
      if (this.feeds.get(feed.swarmId) !== feed) return;
      for (const id of s.gone) {
        feed.adopted.delete(id);
        this.deps.engine.adoptedFinished(feed.name, id);
      }
      for (const h of s.finished) this.finishAdopted(feed.name, h);
    } finally {
      feed.settling = false;
    }
  }
}
