// docs/reliability.md#s6: live sockets follow their credentials. Every sweep re-reads the tokens and users behind the connected
// sockets; a revoked token or a disabled or deleted user is disconnected (within one sweep, 2 s by default), and a
// changed role takes effect on the socket.
import type pg from "pg";
import type { Principal } from "../auth/principal";
import type { Role } from "../../generated/prisma/enums";

/** A connected socket as the sweep sees it. */
export type LiveSocket = { id: string; principal: Principal };

/** What the store says is still valid: token ids, and users with their current role. */
export type ValidCredentials = { tokens: Set<number>; users: Map<string, Role> };

/** The sweep's decision: sockets to disconnect, and sockets whose role changed. */
export type RevocationDecision = { disconnect: string[]; roles: { id: string; role: Role }[] };

const tokenIdOf = (p: Principal) => (p.kind === "token" && p.id.startsWith("token:") ? Number(p.id.slice("token:".length)) : null);

/** Decides, for each socket, whether its credentials still hold and with which role (pure). */
export function decideRevocations(sockets: LiveSocket[], valid: ValidCredentials): RevocationDecision {
  const decision: RevocationDecision = { disconnect: [], roles: [] };
  for (const s of sockets) {
    const tokenId = tokenIdOf(s.principal);
    if (s.principal.kind === "user") {
      const role = valid.users.get(s.principal.id);
      if (role === undefined) decision.disconnect.push(s.id);
      else if (role !== s.principal.role) decision.roles.push({ id: s.id, role });
    } else if (tokenId === null || !valid.tokens.has(tokenId)) decision.disconnect.push(s.id);
  }
  return decision;
}

/** Reads which of these sockets' tokens and users are still valid. */
export async function loadValidCredentials(pool: pg.Pool, sockets: LiveSocket[]): Promise<ValidCredentials> {
  const tokenIds = [...new Set(sockets.map((s) => tokenIdOf(s.principal)).filter((id): id is number => id !== null))];
  const userIds = [...new Set(sockets.filter((s) => s.principal.kind === "user").map((s) => s.principal.id))];
  const [tokens, users] = await Promise.all([
    tokenIds.length
      ? pool.query<{ id: number }>(
          "SELECT t.id FROM personal_access_tokens t LEFT JOIN users u ON u.id = t.user_id WHERE t.id = ANY($1::int[]) AND t.revoked_at IS NULL AND NOT coalesce(u.disabled, false)",
          [tokenIds],
        )
      : { rows: [] },
    userIds.length
      ? pool.query<{ id: string; role: Role }>("SELECT id, role::text AS role FROM users WHERE id = ANY($1::text[]) AND NOT disabled", [
          userIds,
        ])
      : { rows: [] },
  ]);
  return { tokens: new Set(tokens.rows.map((r) => r.id)), users: new Map(users.rows.map((r) => [r.id, r.role])) };
}
