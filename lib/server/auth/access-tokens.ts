// Personal access tokens (`Authorization: Bearer smt_…`) for scripts: stored hashed, carry a role.
import type { Db } from "../db/prisma";
import type { Role } from "../../generated/prisma/enums";
import { credentialPrefix, hashCredential, hashesEqual, newCredential } from "./credentials";

/** Creates a token with `role`; the plain token is returned once. */
export async function createAccessToken(
  db: Db,
  pepper: string,
  role: Role,
  name?: string,
  userId?: string,
): Promise<{ id: number; token: string; role: Role }> {
  const token = newCredential("smt");
  const row = await db.personalAccessToken.create({
    data: { role, name: name ?? null, userId: userId ?? null, prefix: credentialPrefix(token), hash: hashCredential(pepper, token) },
  });
  return { id: row.id, token, role };
}

/** The token row behind `token` when it is valid (not revoked, owner not disabled), else null. */
export async function verifyAccessToken(
  db: Db,
  pepper: string,
  token: string,
): Promise<{ id: number; role: Role; userId: string | null; name: string | null } | null> {
  if (!token.startsWith("smt_") || token.length > 200) return null;
  const hash = hashCredential(pepper, token);
  const rows = await db.personalAccessToken.findMany({
    where: { prefix: credentialPrefix(token), revokedAt: null },
    include: { user: { select: { disabled: true } } },
  });
  const row = rows.find((r) => hashesEqual(r.hash, hash));
  if (!row || row.user?.disabled) return null;
  return { id: row.id, role: row.role, userId: row.userId, name: row.name };
}
