// Who is calling: a signed-in user (session cookie) or a script (personal access token), with a role.
import type { Role } from "../../generated/prisma/enums";
import { forbidden, unauthorized } from "../http/errors";
import type { Runtime } from "../platform/runtime";
import { verifyAccessToken } from "./access-tokens";
import { bearerToken } from "./credentials";

/** An authenticated caller. */
export type Principal = { kind: "user"; id: string; email: string; name: string; role: Role } | { kind: "token"; id: string; name: string | null; role: Role };

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** The caller behind these request headers, or null. */
export async function authenticate(rt: Runtime, headers: Headers): Promise<Principal | null> {
  const bearer = bearerToken(headers.get("authorization"));
  if (bearer) {
    const t = await verifyAccessToken(rt.db, rt.pepper, bearer);
    return t ? { kind: "token", id: `token:${t.id}`, name: t.name, role: t.role } : null;
  }
  if (!headers.get("cookie")) return null;
  const session = await rt.auth.api.getSession({ headers });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: Role; disabled?: boolean };
  if (u.disabled) return null;
  return { kind: "user", id: u.id, email: u.email, name: u.name, role: u.role ?? "viewer" };
}

/** True when `role` is at least `min`. */
export function hasRole(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}

/** The caller, required to hold at least `min`: throws 401 / 403 otherwise. */
export async function requirePrincipal(rt: Runtime, headers: Headers, min: Role): Promise<Principal> {
  const p = await authenticate(rt, headers);
  if (!p) throw unauthorized();
  if (!hasRole(p.role, min)) throw forbidden();
  return p;
}
