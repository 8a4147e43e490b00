// A healing with the coordinator commands it issued, as the API lists it and the live channel pushes it (docs/contract.md#read-and-act, docs/contract.md#coordinator-link, docs/contract.md#live-channel).

/** A coordinator command. */
export type CommandItem = {
  id: string;
  healing_id: string | null;
  kind: string;
  params: unknown;
  status: string;
  attempts: number;
  detail: string | null;
  issued_at: string;
  deadline: string;
  finished_at: string | null;
};

/** A healing with its commands; `action_hash` identifies the action an approval is for. */
export type HealingItem = {
  id: string;
  failure_id: string | null;
  prediction_id: string | null;
  failure_type: string;
  strategy: string;
  status: string;
  trigger: string;
  actions: unknown;
  reason: string | null;
  heal_ms: number | null;
  recovery_ms: number | null;
  started_at: string;
  finished_at: string | null;
  commands: CommandItem[];
  decided_by: string | null;
  decided_at: string | null;
  decision_reason: string | null;
  first_approved_by: string | null;
  action_hash: string;
};
