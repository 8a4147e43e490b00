// The self-healer of one swarm: failure → policy → guardrails → plan → commands → results/verification → outcome.
import type { EngineEvent } from "../model/types";
import { applyCommandResult, isTerminal, newCommandRecord } from "./command-lifecycle";
import { type GuardrailConfig, Guardrails, GUARDRAIL_DEFAULTS } from "./guardrails";
import { closedRecord, newHealingRecord, newRun, snapshot, type Run } from "./healing-run";
import { type PolicyConfig, policyFor } from "./policy";
import type { HealingPreview, OnFailureOptions, OnFailureResult, SelfHealerOptions } from "./healer-options";
import type { CommandResult } from "./ports";
import { createDefaultRegistry, type StrategyRegistry } from "./registry";
import { type DueRestore, RestoreLedger } from "./restore-ledger";
import { targetOf } from "./strategy";
import type { CommandRecord, CommandSpec, Failure, HealerChange, HealingRecord, HealingStatus, Trigger } from "./types";
import { AGENT_FAILURE_TYPES, eventEvidence, resolvedByEvent, resolvedInView, verificationVerdict } from "./verification";

type CommandEntry = { record: CommandRecord; healingId: string };

/** One swarm's self-healer (docs/decisions.md#d4). Every method takes `now` and returns the lifecycle changes it caused. */
export class SelfHealer {
  private readonly registry: StrategyRegistry;
  private readonly guardrails: Guardrails;
  private readonly runs = new Map<string, Run>();
  private readonly byKey = new Map<string, string>();
  private readonly commands = new Map<string, CommandEntry>();
  private readonly adopted = new Map<string, string>();
  private readonly restores: RestoreLedger;
  private policies: PolicyConfig;
  private out: HealerChange[] = [];
  /** The swarm was stale at the last tick (docs/decisions.md#d30): a quiet verification window does not pass by its silence. */
  private stale = false;

  constructor(private readonly o: SelfHealerOptions) {
    this.registry = o.registry ?? createDefaultRegistry();
    this.guardrails = new Guardrails({ ...GUARDRAIL_DEFAULTS, ...o.guardrails });
    this.policies = o.policies ?? {};
    this.restores = new RestoreLedger(o.restoreMaxWaitMs ?? 300_000);
  }

  /** Replaces the policies and changes guardrail limits for failures from now on; active healings carry on as they are. */
  configure(changes: { policies?: PolicyConfig; guardrails?: Partial<GuardrailConfig> }): void {
    if (changes.policies) this.policies = changes.policies;
    if (changes.guardrails) this.guardrails.configure(changes.guardrails);
  }

  /** Handles a failure: policy (docs/decisions.md#d23), de-duplication, guardrails (docs/decisions.md#d22), then starts, proposes or skips a healing. */
  onFailure(failure: Failure, trigger: Trigger, now: number, opts: OnFailureOptions = {}): OnFailureResult {
    const route = this.registry.resolve(failure);
    if (route.kind === "none") return this.result("unhandled", null, route.reason);
    const policy = opts.approved ? "auto" : policyFor(this.policies, failure.failureType, trigger);
    if (policy === "off") return this.result("ignored", null, `policy off for ${failure.failureType}`);
    const key = `${route.strategy.name}|${targetOf(failure)}`;
    const adoptedId = this.adopted.get(key);
    if (adoptedId !== undefined)
      return this.result("coalesced", null, `healing ${adoptedId} in progress (taken over from the previous engine owner)`);
    const joined = this.join(key, policy === "auto", now);
    if (joined) return this.result("coalesced", snapshot(joined.record), `healing ${joined.record.id} in progress`);
    const run = newRun(
      newHealingRecord(this.o.newId(), failure, route.strategy.name, trigger, opts.predictionId ?? null, now),
      failure,
      route.strategy,
      key,
    );
    const automatic = policy === "auto" && trigger !== "manual" && !opts.approved;
    const refusal =
      this.runs.size >= (this.o.maxActive ?? 200)
        ? "too many active healings"
        : policy === "approve"
          ? this.resolvedReason(run)
          : this.refusal(run, automatic, now);
    if (refusal) {
      this.finish(run, "cancelled", `skipped: ${refusal}`, now);
      return this.result("skipped", this.lastFinished(), refusal);
    }
    this.track(run);
    if (policy === "approve") {
      run.record.status = "pending";
      run.expiresAt = opts.expiresAt ?? now + (this.o.proposalTtlMs ?? 600_000);
      this.out.push({ type: "healing.proposed", healing: snapshot(run.record) });
      return this.result("proposed", snapshot(run.record), null);
    }
    this.begin(run, automatic, now);
    return this.result("started", snapshot(run.record), null);
  }

  /**
   * What an approval of this (predicted) failure would do, without changing anything (docs/decisions.md#d28): run a plan, join a
   * healing already active on its target, or nothing (no strategy, policy off) — then with the reason.
   */
  preview(failure: Failure, trigger: Trigger): HealingPreview {
    const route = this.registry.resolve(failure);
    if (route.kind === "none") return { kind: "none", reason: route.reason };
    if (policyFor(this.policies, failure.failureType, trigger) === "off")
      return { kind: "none", reason: `policy off for ${failure.failureType}` };
    if (failure.agentId === null && AGENT_FAILURE_TYPES.has(failure.failureType)) return { kind: "none", reason: "no agent to act on" };
    const active = this.activeOn(targetOf(failure));
    if (active?.status === "running") return { kind: "active", healingId: active.id };
    return { kind: "plan", strategy: route.strategy.name };
  }

  /** The healing active on `target` (a running one first, else one waiting for approval), or null. */
  activeOn(target: string): { id: string; status: "pending" | "running" } | null {
    let pending: string | null = null;
    for (const run of this.runs.values()) {
      if (targetOf(run.failure) !== target) continue;
      if (run.record.status !== "pending") return { id: run.record.id, status: "running" };
      pending ??= run.record.id;
    }
    for (const [key, id] of this.adopted) if (key.endsWith(`|${target}`)) return { id, status: "running" };
    return pending === null ? null : { id: pending, status: "pending" };
  }

  /** Why a guardrail (cooldown, hourly cap) would hold back a detected `failure`'s healing now, or null; changes nothing. */
  heldBack(failure: Failure, now: number): string | null {
    const route = this.registry.resolve(failure);
    if (route.kind === "none") return null;
    const cooldown = route.strategy.cooldownMs ?? this.guardrails.cfg.cooldownMs;
    const automatic = policyFor(this.policies, failure.failureType, "detected") === "auto" && !route.strategy.capExempt;
    return this.guardrails.check(`${route.strategy.name}|${targetOf(failure)}`, cooldown, automatic, now);
  }

  /** Whether a healing (running, not a proposal) is active on `target` (see targetOf). */
  healingOn(target: string): boolean {
    return this.activeOn(target)?.status === "running";
  }

  /** Records an approved healing that could not start (no strategy, policy off) as cancelled with `reason`, so the
   * operator's decision visibly ends somewhere. */
  refuse(failure: Failure, trigger: Trigger, predictionId: string | null, reason: string, now: number): HealerChange[] {
    const route = this.registry.resolve(failure);
    const record = newHealingRecord(
      this.o.newId(),
      failure,
      route.kind === "route" ? route.strategy.name : "none",
      trigger,
      predictionId,
      now,
    );
    return [{ type: "healing.finished", healing: { ...record, status: "cancelled", reason: `skipped: ${reason}`, finishedAt: now } }];
  }

  /** A running healing another engine started (taken over with the swarm): failures it heals join it until `release`. */
  adopt(healingId: string, failure: Failure): void {
    const route = this.registry.resolve(failure);
    if (route.kind !== "none") this.adopted.set(`${route.strategy.name}|${targetOf(failure)}`, healingId);
  }

  /** A taken-over healing ended: its (strategy, target) may be healed again. */
  release(healingId: string): void {
    for (const [key, id] of [...this.adopted]) if (id === healingId) this.adopted.delete(key);
  }

  /** An operator approves a proposal: re-check (docs/decisions.md#d22), then it runs. */
  approve(healingId: string, now: number): HealerChange[] {
    const run = this.runs.get(healingId);
    if (run?.record.status !== "pending") return [];
    const resolved = this.resolvedReason(run);
    if (resolved) this.finish(run, "cancelled", `skipped: ${resolved}`, now);
    else this.begin(run, false, now);
    return this.drain();
  }

  /** An operator rejects a proposal. */
  reject(healingId: string, now: number, reason = "rejected by operator"): HealerChange[] {
    const run = this.runs.get(healingId);
    if (run?.record.status === "pending") this.finish(run, "cancelled", reason, now);
    return this.drain();
  }

  /** The Coordinator reports on a command (docs/decisions.md#d19); stale or unknown reports are ignored. */
  commandResult(commandId: string, result: CommandResult, now: number): HealerChange[] {
    this.applyResult(commandId, result, now);
    return this.drain();
  }

  /** Feeds an ingested event: strategy observers, verification evidence, and re-check of healings not yet acting. */
  observe(event: EngineEvent, now: number): HealerChange[] {
    this.registry.observe(event, now);
    for (const run of [...this.runs.values()]) {
      const step = run.step;
      if (step?.issued) {
        const evidence = eventEvidence(step.plan.verify, event);
        if (evidence === "pass" || (evidence === "fail" && step.evidence === null)) step.evidence = evidence;
        if (evidence && step.verifyFrom !== null) this.verify(run, now);
      } else if (run.firstIssuedAt === null && run.record.trigger !== "preventive" && resolvedByEvent(run.failure, event)) {
        this.finish(run, "cancelled", "skipped: failure already resolved", now);
      }
    }
    return this.drain();
  }

  /** The failure (or the bottleneck behind it) resolved elsewhere: skips healings not yet acting, verifies the rest. */
  markResolved(ref: { failureId?: string; bottleneckId?: string }, now: number): HealerChange[] {
    for (const run of [...this.runs.values()]) {
      const f = run.failure;
      if (f.id !== ref.failureId && (ref.bottleneckId === undefined || f.context.bottleneck_id !== ref.bottleneckId)) continue;
      run.markedResolved = true;
      if (run.firstIssuedAt === null) this.finish(run, "cancelled", "skipped: failure already resolved", now);
      else if (run.step?.verifyFrom != null) this.verify(run, now);
    }
    return this.drain();
  }

  /** Time-driven work: command deadlines, backoff delays, verification windows/timeouts, proposal expiry, restores.
   * While the swarm is `stale` (docs/decisions.md#d30) no "stable" verification passes on its quiet window. */
  tick(now: number, stale = false): HealerChange[] {
    this.stale = stale;
    for (const [id, entry] of [...this.commands]) {
      if (now >= entry.record.deadline) this.applyResult(id, { status: "timed_out", detail: "deadline passed" }, now);
    }
    for (const run of [...this.runs.values()]) {
      if (run.record.status === "pending") {
        if (run.expiresAt !== null && now >= run.expiresAt) this.finish(run, "cancelled", "expired", now);
      } else if (run.step?.verifyFrom != null) this.verify(run, now);
      else this.advance(run, now);
    }
    for (const due of this.restores.due(now, this.o.view)) this.issueRestore(due, now);
    this.guardrails.prune(now);
    return this.drain();
  }

  /** Active healings (proposals and running), oldest first. */
  active(): HealingRecord[] {
    return [...this.runs.values()].map((r) => snapshot(r.record));
  }

  /** Entries held in memory, for the bounded-memory invariant (docs/decisions.md#d3). */
  memorySize(): number {
    return (
      this.runs.size +
      this.byKey.size +
      this.commands.size +
      this.adopted.size +
      this.restores.size() +
      this.guardrails.size() +
      this.registry.memorySize()
    );
  }

  private result(decision: OnFailureResult["decision"], healing: HealingRecord | null, reason: string | null): OnFailureResult {
    return { decision, healing, reason, changes: this.drain() };
  }

  private drain(): HealerChange[] {
    const out = this.out;
    this.out = [];
    return out;
  }

  private lastFinished(): HealingRecord | null {
    const last = this.out.at(-1);
    return last?.type === "healing.finished" ? last.healing : null;
  }

  private track(run: Run): void {
    this.runs.set(run.record.id, run);
    this.byKey.set(run.key, run.record.id);
  }

  /**
   * An active healing for the same (strategy, target): a failure healed automatically supersedes a pending proposal;
   * a recurrence fails a "stable" verification; otherwise the failure joins the active healing.
   */
  private join(key: string, supersede: boolean, now: number): Run | null {
    const id = this.byKey.get(key);
    const run = id === undefined ? undefined : this.runs.get(id);
    if (!run) return null;
    if (supersede && run.record.status === "pending") {
      this.finish(run, "cancelled", "superseded by an automatic healing", now);
      return null;
    }
    if (run.step?.verifyFrom != null && run.step.plan.verify.kind === "stable") {
      run.step.recurred = true;
      this.verify(run, now);
    }
    return this.runs.has(run.record.id) ? run : null;
  }

  private resolvedReason(run: Run): string | null {
    const f = run.failure;
    const resolved = run.markedResolved || f.resolvedAt !== null || (run.record.trigger !== "preventive" && resolvedInView(f, this.o.view));
    return resolved ? "failure already resolved" : null;
  }

  private refusal(run: Run, automatic: boolean, now: number): string | null {
    const cooldown = run.routed.cooldownMs ?? this.guardrails.cfg.cooldownMs;
    return this.resolvedReason(run) ?? this.guardrails.check(run.key, cooldown, automatic && !run.routed.capExempt, now);
  }

  private begin(run: Run, automatic: boolean, now: number): void {
    run.record.status = "running";
    this.guardrails.record(run.key, automatic && !run.routed.capExempt, now);
    this.out.push({ type: "healing.started", healing: snapshot(run.record) });
    this.nextCandidate(run, now, null);
  }

  /** Plans with the next strategy that can heal; declines fall through, a halt ends the healing. */
  private nextCandidate(run: Run, now: number, lastReason: string | null): void {
    let reason = lastReason;
    for (let s = run.candidates.shift(); s; s = run.candidates.shift()) {
      if (!s.canHeal(run.failure)) continue;
      run.record.strategy = run.composite ? `Composite[${s.name}]` : s.name;
      const plan = s.plan(run.failure, { now, view: this.o.view, trigger: run.record.trigger });
      if (plan.kind !== "act") {
        run.record.actions.push(`${s.name}: ${plan.reason}`);
        if (plan.kind === "halt") return this.finish(run, "failed", plan.reason, now);
        reason = plan.reason;
        continue;
      }
      run.record.actions.push(...plan.notes);
      run.step = {
        strategy: s,
        plan,
        next: 0,
        notBefore: now + (plan.commands[0]?.delayMs ?? 0),
        waiting: null,
        issued: false,
        verifyFrom: null,
        evidence: null,
        recurred: false,
      };
      return this.advance(run, now);
    }
    if (run.composite) run.record.strategy = run.routed.name;
    this.finish(run, "failed", run.composite ? "all strategies failed" : (reason ?? "strategy declined"), now);
  }

  /** Issues the next due command (re-checking before the first), or starts verification once all succeeded. */
  private advance(run: Run, now: number): void {
    const step = run.step;
    if (!step || step.waiting !== null) return;
    const spec = step.plan.commands[step.next];
    if (!spec) {
      step.verifyFrom = now;
      return this.verify(run, now);
    }
    if (now < step.notBefore) return;
    const resolved = run.firstIssuedAt === null ? this.resolvedReason(run) : null;
    if (resolved) return this.finish(run, "cancelled", `skipped: ${resolved}`, now);
    const effective = this.restores.issue(run.record.id, step.strategy, spec, step.plan.restore);
    const id = this.issueCommand(run.record.id, effective, now);
    run.record.actions.push({ kind: effective.kind, params: effective.params, commandId: id, status: "pending" });
    run.firstIssuedAt ??= now;
    step.waiting = id;
    step.issued = true;
  }

  /** Issues a command through the port, tracks it until its result or deadline, and reports it; returns its id. */
  private issueCommand(healingId: string, spec: CommandSpec, now: number): string {
    const deadline = now + (spec.timeoutMs ?? this.o.commandTimeoutMs ?? 30_000);
    const id = this.o.port.issue({ healingId, kind: spec.kind, params: spec.params, deadline });
    const record = newCommandRecord(id, healingId, spec, now, deadline);
    this.commands.set(id, { record, healingId });
    this.out.push({ type: "command.updated", command: { ...record } });
    return id;
  }

  /** A restore command fell due: issued in the name of the healing that held the setting; its strategy is told. */
  private issueRestore(due: DueRestore, now: number): void {
    this.issueCommand(due.healingId, due.spec, now);
    due.strategy.restored?.(due.spec, now);
  }

  private applyResult(commandId: string, result: CommandResult, now: number): void {
    const entry = this.commands.get(commandId);
    const next = entry && applyCommandResult(entry.record, result, now);
    if (!entry || !next) return;
    entry.record = next;
    this.out.push({ type: "command.updated", command: { ...next } });
    const run = this.runs.get(entry.healingId);
    for (const a of run?.record.actions ?? []) if (typeof a !== "string" && a.commandId === commandId) a.status = next.status;
    if (!isTerminal(next.status)) return;
    this.commands.delete(commandId);
    if (run?.step?.waiting === commandId) this.commandFinished(run, next, now);
  }

  private commandFinished(run: Run, cmd: CommandRecord, now: number): void {
    const step = run.step;
    if (!step) return;
    step.waiting = null;
    run.lastFinishedAt = now;
    if (cmd.status !== "succeeded")
      return this.attemptFailed(run, `command ${cmd.kind} ${cmd.status}${cmd.detail ? `: ${cmd.detail}` : ""}`, now);
    step.next += 1;
    step.notBefore = now + (step.plan.commands[step.next]?.delayMs ?? 0);
    this.advance(run, now);
  }

  /** Verification (docs/decisions.md#d19): passes on evidence, a holding condition or a quiet window; fails on contrary evidence or timeout. */
  private verify(run: Run, now: number): void {
    const step = run.step;
    if (!step || step.verifyFrom === null) return;
    const state = {
      elapsedMs: now - step.verifyFrom,
      evidence: step.evidence,
      recurred: step.recurred,
      resolved: run.markedResolved,
      stale: this.stale,
    };
    const verdict = verificationVerdict(step.plan.verify, state, this.o.view);
    if (verdict === "pass") this.finish(run, "succeeded", null, now);
    else if (verdict) this.attemptFailed(run, verdict.failed, now);
  }

  /** One strategy's attempt failed: a composite falls back to its next child, anything else fails the healing. */
  private attemptFailed(run: Run, reason: string, now: number): void {
    run.record.actions.push(`${run.step?.strategy.name ?? run.routed.name}: ${reason}`);
    if (!run.composite) return this.finish(run, "failed", reason, now); // with its plan, which says when to restore
    run.step = null;
    this.nextCandidate(run, now, reason);
  }

  private finish(run: Run, status: HealingStatus, reason: string | null, now: number): void {
    const record = closedRecord(run, status, reason, now);
    run.record = record;
    this.restores.finished(record.id, status === "succeeded", run.step?.plan ?? null, now);
    this.runs.delete(record.id);
    if (this.byKey.get(run.key) === record.id) this.byKey.delete(run.key);
    if (status === "succeeded" && record.failureId !== null)
      this.out.push({ type: "failure.resolved", failureId: record.failureId, resolvedAt: now });
    this.out.push({ type: "healing.finished", healing: snapshot(record) });
  }
}
