// The health score's success term input: the share of finished tasks that succeeded, over the agents' results.

/** Finished and succeeded task counts of one agent. */
export type TaskResults = { tasks: number; successes: number };

/** Succeeded ÷ finished tasks over every agent, or null when no task has finished. */
export function taskSuccessRate(agents: readonly TaskResults[]): number | null {
  let tasks = 0;
  let successes = 0;
  for (const a of agents) {
    tasks += a.tasks;
    successes += a.successes;
  }
  return tasks > 0 ? successes / tasks : null;
}
