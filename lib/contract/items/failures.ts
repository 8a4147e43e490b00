// A detected failure as the API lists it and the live channel pushes it (docs/contract.md#read-and-act, docs/contract.md#live-channel).

/** A detected failure. */
export type FailureItem = {
  id: string;
  failure_type: string;
  agent_id: string | null;
  task_id: string | null;
  severity: string | null;
  context: unknown;
  detected_at: string;
  resolved_at: string | null;
};
