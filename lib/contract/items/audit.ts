// The audit log as GET /api/v1/audit lists it.

/** One audit entry; `swarm` is the swarm's name, null for actions outside a swarm. */
export type AuditItem = {
  id: string;
  at: string;
  actor: string | null;
  actor_type: string;
  action: string;
  target: string | null;
  result: string;
  swarm: string | null;
  detail: unknown;
};
