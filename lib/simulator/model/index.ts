// The simulated swarm model: SwarmSimulator, the scenario catalogue, the seeded PRNG and the public types.
export { Prng } from "./prng";
export { SCENARIOS, type ScenarioInfo } from "./scenarios";
export { SwarmSimulator } from "./simulator";
export {
  PRIORITIES,
  SCENARIO_NAMES,
  type AgentState,
  type AgentSummary,
  type CommandOutcome,
  type FaultRecord,
  type Priority,
  type ResolvedOptions,
  type ScenarioName,
  type ScheduledFault,
  type SimCommand,
  type SimEvent,
  type SimSnapshot,
  type SimulatorOptions,
} from "./types";
