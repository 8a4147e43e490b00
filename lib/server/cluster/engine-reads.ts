// The reads of live engine state that only a swarm's owner can answer (no other instance holds its engine), as one
// request type: the owner answers them from its engine; the other instances forward them to it (owner-reads.ts).
import { z } from "zod";
import { swarmNameSchema } from "../../contract/swarm-name";
import type { AgentRoster, PerformanceReport, Engine, MeasuredPattern, MetricsTick } from "@/lib/engine";

/** A read of live engine state: the figures of several swarms at once (the swarm list), or one swarm's agents,
 * learned patterns or performance report. */
export const engineReadSchema = z.discriminatedUnion("read", [
  z.object({ read: z.literal("snapshots"), swarms: z.array(swarmNameSchema).max(100_000) }),
  z.object({ read: z.literal("agents"), swarm: swarmNameSchema }),
  z.object({ read: z.literal("patterns"), swarm: swarmNameSchema }),
  z.object({ read: z.literal("performance"), swarm: swarmNameSchema, rangeMs: z.number().int().positive() }),
]);

/** A read of live engine state. */
export type EngineRead = z.infer<typeof engineReadSchema>;
/** A read of one swarm's live engine state. */
export type SwarmRead = Exclude<EngineRead, { read: "snapshots" }>;

type Answers = { snapshots: MetricsTick[]; agents: AgentRoster; patterns: MeasuredPattern[]; performance: PerformanceReport };
/** What a read answers. */
export type AnswerOf<R extends EngineRead> = Answers[R["read"]];

/** The swarms a read is about. */
export function swarmsOf(read: EngineRead): string[] {
  return read.read === "snapshots" ? read.swarms : [read.swarm];
}

function answer(engine: Engine, read: EngineRead): Answers[EngineRead["read"]] {
  if (read.read === "snapshots") return read.swarms.map((s) => engine.snapshot(s));
  if (read.read === "agents") return engine.agents(read.swarm);
  if (read.read === "patterns") return engine.patterns(read.swarm);
  return engine.performance(read.swarm, read.rangeMs);
}

/** Answers a read from this instance's engine (as the owner does; a swarm it does not hold reads as empty, and no
 * swarm's engine is created). */
export function answerLocally<R extends EngineRead>(engine: Engine, read: R): AnswerOf<R> {
  return answer(engine, read) as AnswerOf<R>;
}
