// docs/reliability.md#s1: a refused request is audit-logged — 403 with who asked, and 401 when credentials were presented but are not
// valid (requests with no credentials at all are not logged, so anonymous scanners cannot flood the log).
import { hasRole, type Principal } from "../auth/principal";
import type { Role } from "../../generated/prisma/enums";
import { forbidden, unauthorized } from "./errors";

/** Who was refused: the caller, or the system's name for presented but invalid credentials. */
export type DeniedActor = Principal | { kind: "system"; id: string };

/** What the role check uses: who is behind request headers, and where a refusal is recorded. */
export type Gatekeeper = {
  authenticate: (headers: Headers) => Promise<Principal | null>;
  recordDenial: (actor: DeniedActor, target: string, status: 401 | 403) => Promise<void>;
};

/** The caller, required to hold at least `min`: throws 401 / 403 otherwise (nothing logged). */
export async function requirePrincipal(headers: Headers, min: Role, authenticate: Gatekeeper["authenticate"]): Promise<Principal> {
  const p = await authenticate(headers);
  if (!p) throw unauthorized();
  if (!hasRole(p.role, min)) throw forbidden();
  return p;
}

/** The caller, who must hold at least `min`; a denial is audit-logged before the 401/403 is thrown. */
export async function requireRoleAudited(req: Request, min: Role, gate: Gatekeeper): Promise<Principal> {
  const p = await gate.authenticate(req.headers);
  const target = `${req.method} ${new URL(req.url).pathname}`;
  if (!p) {
    if (req.headers.get("authorization") || req.headers.get("cookie"))
      await logDenial(gate, { kind: "system", id: "invalid-credentials" }, target, 401);
    throw unauthorized();
  }
  if (!hasRole(p.role, min)) {
    await logDenial(gate, p, target, 403);
    throw forbidden();
  }
  return p;
}

async function logDenial(gate: Gatekeeper, actor: DeniedActor, target: string, status: 401 | 403): Promise<void> {
  // Best effort: with storage down the caller still gets its 401/403.
  await gate.recordDenial(actor, target, status).catch(() => undefined);
}
