// Who is calling: a signed-in user (session cookie) or a script (personal access token), with a role.
import type { Role } from "../../generated/prisma/enums";
import type { Db } from "../db/prisma";
import { verifyAccessToken } from "./access-tokens";
import type { Auth } from "./auth";
import { bearerToken } from "./credentials";

/** An authenticated caller. */
export type Principal =
  { kind: "user"; id: string; email: string; name: string; role: Role } | { kind: "token"; id: string; name: string | null; role: Role };

/** Where credentials are checked: better-auth sessions, and personal access tokens (stored hashed with the pepper). */
export type Credentials = { auth: Auth; tokens: { db: Db; pepper: string } };

const RANK: Record<Role, number> = { viewer: 0, operator: 1, admin: 2 };

/** The caller behind these request headers, or null. */
export async function authenticate(headers: Headers, { auth, tokens }: Credentials): Promise<Principal | null> {
  const bearer = bearerToken(headers.get("authorization"));
  if (bearer) {
    const t = await verifyAccessToken(tokens.db, tokens.pepper, bearer);
    return t ? { kind: "token", id: `token:${t.id}`, name: t.name, role: t.role } : null;
  }
  if (!headers.get("cookie")) return null;
  const session = await auth.api.getSession({ headers });
  if (!session) return null;
  const u = session.user as typeof session.user & { role?: Role; disabled?: boolean };
  if (u.disabled) return null;
  return { kind: "user", id: u.id, email: u.email, name: u.name, role: u.role ?? "viewer" };
}

/** True when `role` is at least `min`. */
export function hasRole(role: Role, min: Role): boolean {
  return RANK[role] >= RANK[min];
}
