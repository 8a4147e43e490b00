// An incident: one fault and how it is handled now, as the API lists it and the live channel pushes it.

/** An incident; `state` is healing, awaiting_decision, recovering, needs_operator or resolved. */
export type IncidentItem = {
  id: string;
  source: string;
  failure_type: string;
  agent_id: string | null;
  severity: string;
  target: string;
  state: string;
  reason: string | null;
  healing_id: string | null;
  opened_at: string;
  updated_at: string;
  resolved_at: string | null;
};
