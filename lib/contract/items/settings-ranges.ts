// The ranges of a swarm's settings that the engine enforces too (no zod here: the engine imports it).

/** The allowed number of silent intervals before an agent is detected as down (docs/decisions.md#d30). */
export const SILENCE_INTERVALS_RANGE = { min: 2, max: 20 } as const;

/** The bounds of a retention, in days. */
export const RETENTION_DAYS_RANGE = { min: 1, max: 3650 } as const;
