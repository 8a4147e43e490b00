// Which sockets lose their connection or their role when credentials change (table-driven).
import { describe, expect, it } from "vitest";
import type { Principal } from "../auth/principal";
import { decideRevocations, type ValidCredentials } from "./revocation";

const user = (id: string, role: Principal["role"] = "viewer"): Principal => ({ kind: "user", id, email: `${id}@x`, name: id, role });
const token = (id: number, role: Principal["role"] = "viewer"): Principal => ({ kind: "token", id: `token:${id}`, name: null, role });
const valid = (tokens: number[], users: [string, Principal["role"]][]): ValidCredentials => ({
  tokens: new Set(tokens),
  users: new Map(users),
});

describe("decideRevocations", () => {
  it.each([
    { name: "valid token stays", principal: token(1), valid: valid([1], []), disconnect: [], roles: [] },
    { name: "revoked token is disconnected", principal: token(1), valid: valid([], []), disconnect: ["s"], roles: [] },
    { name: "active user stays", principal: user("u"), valid: valid([], [["u", "viewer"]]), disconnect: [], roles: [] },
    { name: "disabled or deleted user is disconnected", principal: user("u"), valid: valid([], []), disconnect: ["s"], roles: [] },
    {
      name: "demoted user keeps the socket with the new role",
      principal: user("u", "admin"),
      valid: valid([], [["u", "viewer"]]),
      disconnect: [],
      roles: [{ id: "s", role: "viewer" }],
    },
    {
      name: "a principal that is neither a user nor a token id is disconnected",
      principal: { kind: "token", id: "anonymous", name: null, role: "viewer" } as Principal,
      valid: valid([1], []),
      disconnect: ["s"],
      roles: [],
    },
  ])("$name", ({ principal, valid: v, disconnect, roles }) => {
    expect(decideRevocations([{ id: "s", principal }], v)).toEqual({ disconnect, roles });
  });
});
