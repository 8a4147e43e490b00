// docs/reliability.md#s1: a refused request is audit-logged — 403 with who asked, and 401 when credentials were presented but are not
// valid (requests with no credentials at all are not logged, so anonymous scanners cannot flood the log).
import { audit } from "../features/audit/audit-log";
import { authenticate, hasRole, type Principal } from "../auth/principal";
import type { Role } from "../../generated/prisma/enums";
import type { Runtime } from "../platform/runtime";
import { forbidden, unauthorized } from "./errors";

/** The caller, who must hold at least `min`; a denial is audit-logged before the 401/403 is thrown. */
export async function requireRoleAudited(rt: Runtime, req: Request, min: Role): Promise<Principal> {
  const p = await authenticate(rt, req.headers);
  const target = `${req.method} ${new URL(req.url).pathname}`;
  if (!p) {
    if (req.headers.get("authorization") || req.headers.get("cookie")) await logDenial(rt, { kind: "system", id: "invalid-credentials" }, target, 401);
    throw unauthorized();
  }
  if (!hasRole(p.role, min)) {
    await logDenial(rt, p, target, 403);
    throw forbidden();
  }
  return p;
}

async function logDenial(rt: Runtime, actor: Principal | { kind: "system"; id: string }, target: string, status: 401 | 403): Promise<void> {
  // Best effort: with storage down the caller still gets its 401/403.
  await audit(rt.db, { actor, action: "access.denied", target, result: "denied", detail: { status } }).catch(() => undefined);
}
