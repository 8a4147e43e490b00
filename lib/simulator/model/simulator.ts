// SwarmSimulator: a seeded, deterministic simulated swarm stepped in fixed sub-steps, with a coordinator for commands.
// Every random draw comes from one seeded PRNG and time only moves through advance(), so the same options and the same
// sequence of calls give the same events; memory stays bounded however long it runs.
import { agentDynamics, agentLifecycle, createAgent, heartbeats } from "./agents";
import { executeCommand } from "./commands";
import { consensusTick } from "./consensus";
import { buildSnapshot, metricsTick } from "./metrics";
import { faultsTick, injectFault } from "./scenarios";
import { createState, emit, resolveOptions, type SimState } from "./state";
import { arrivals, dispatch, progressTasks } from "./tasks";
import { tokenTick } from "./tokens";
import { HEARTBEAT_MS } from "./tuning";
import type {
  CommandOutcome,
  FaultRecord,
  ResolvedOptions,
  ScenarioName,
  SimCommand,
  SimEvent,
  SimSnapshot,
  SimulatorOptions,
} from "./types";

/** A simulated swarm: time moves only through advance(); one seeded PRNG makes a call sequence replay identically. */
export class SwarmSimulator {
  /** The options with defaults applied. */
  readonly options: ResolvedOptions;
  private readonly state: SimState;

  constructor(options: SimulatorOptions) {
    this.options = resolveOptions(options);
    this.state = createState(this.options);
    const { agentCount, startMs } = this.options;
    // The initial agents register one after another over the first heartbeat period, spreading their heartbeats.
    for (let i = 0; i < agentCount; i++) createAgent(this.state, startMs + Math.floor((i * HEARTBEAT_MS) / agentCount));
  }

  /** Simulated time (epoch ms) of the last step. */
  get now(): number {
    return this.state.clock;
  }

  /** Steps the simulation in fixed sub-steps up to `toMs` (a partial step waits for the next call); returns the events in time order. */
  advance(toMs: number): SimEvent[] {
    const s = this.state;
    const out: SimEvent[] = [];
    s.out = out;
    while (s.clock + s.opts.stepMs <= toMs) {
      const prev = s.clock;
      s.clock += s.opts.stepMs;
      this.tick(prev, s.clock);
    }
    s.out = [];
    return out;
  }

  /** Executes a coordinator command at `now` (never before the simulated clock); idempotent by command id. */
  execute(command: SimCommand, now: number): CommandOutcome {
    return executeCommand(this.state, command, Math.max(now, this.state.clock));
  }

  /** Injects a fault scenario at `now` (never before the simulated clock); null when nothing was injected. */
  inject(scenario: ScenarioName, now: number, target?: string, durationMs?: number): FaultRecord | null {
    return injectFault(this.state, scenario, Math.max(now, this.state.clock), target, durationMs);
  }

  /** Ground-truth summary: agents by state, queue, tokens, consensus, active faults, counters and tracked sizes. */
  snapshot(): SimSnapshot {
    return buildSnapshot(this.state);
  }

  private tick(prev: number, t: number): void {
    const s = this.state;
    const dtSec = s.opts.stepMs / 1000;
    for (const n of s.notices.splice(0)) emit(s, n.type, n.fields);
    faultsTick(s, t);
    agentLifecycle(s, t);
    agentDynamics(s, dtSec);
    progressTasks(s, t);
    arrivals(s, t, dtSec);
    dispatch(s, t);
    heartbeats(s, t);
    consensusTick(s, t);
    tokenTick(s, t);
    metricsTick(s, prev, t);
  }
}
