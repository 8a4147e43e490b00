// The body of every API error: application/problem+json (RFC 9457, docs/contract.md#errors).

/** A per-field validation problem of a 400 answer: `path` is dotted (e.g. "guardrails.cooldown_ms"), `index` the batch item. */
export type FieldError = { index?: number; path: string; message: string };

/** A problem: `type` is https://swarm-medic.dev/problems/{code}; `errors` lists per-field problems of a 400. */
export type ProblemBody = { type: string; title: string; status: number; detail: string; errors?: FieldError[]; request_id?: string };
