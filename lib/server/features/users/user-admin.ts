// Admin management of users over the API: list, create (a generated password is returned once), change role or
// disable — never one's own account (no lock-out), never the last enabled admin. Each change is audit-logged.
import { z } from "zod";
import { ApiError, notFound } from "../../http/errors";
import { audit } from "../audit/audit-log";
import type { Auth } from "../../auth/auth";
import type { Db } from "../../db/prisma";
import type { Principal } from "../../auth/principal";
import { createUser } from "./users";
import { type CreatedUser, type Role, userCreateSchema, userPatchSchema, type UserView } from "../../../contract/items/users";

/** Bodies of POST /users and PATCH /users/{id} (the contract's schemas). */
export { userCreateSchema, userPatchSchema };

/** What user administration uses: the users' store, and better-auth to create accounts. */
export type UserAdminDeps = { db: Db; auth: Auth };

const select = { id: true, email: true, name: true, role: true, disabled: true, createdAt: true } as const;

const toView = (u: { id: string; email: string; name: string; role: Role; disabled: boolean; createdAt: Date }): UserView => ({
  id: u.id,
  email: u.email,
  name: u.name,
  role: u.role,
  disabled: u.disabled,
  created_at: u.createdAt.toISOString(),
});

/** Every user, oldest first. */
export async function listUsers({ db }: { db: Db }): Promise<UserView[]> {
  return (await db.user.findMany({ select, orderBy: [{ createdAt: "asc" }, { email: "asc" }] })).map(toView);
}

/** Creates a user (409 when the email is taken); `password` is in the answer only when it was generated. */
export async function addUser(
  { db, auth }: UserAdminDeps,
  principal: Principal,
  input: z.output<typeof userCreateSchema>,
): Promise<CreatedUser> {
  const email = input.email.toLowerCase();
  if (await db.user.findUnique({ where: { email }, select: { id: true } }))
    throw new ApiError(409, "user_exists", `A user with email ${email} already exists.`);
  const created = await createUser(auth, { ...input, email });
  const user = await db.user.findUniqueOrThrow({ where: { id: created.id }, select });
  await audit(db, { actor: principal, action: "user.create", target: `user:${email}`, result: "ok", detail: { role: user.role } });
  return { ...toView(user), ...(input.password === undefined ? { password: created.password } : {}) };
}

/** Changes a user's role or disabled flag; disabling ends their sessions. 409 for one's own account or the last admin. */
export async function updateUser(
  { db }: { db: Db },
  principal: Principal,
  id: string,
  patch: z.output<typeof userPatchSchema>,
): Promise<UserView> {
  const user = await db.user.findUnique({ where: { id }, select });
  if (!user) throw notFound("The user");
  const losesAdmin =
    user.role === "admin" && !user.disabled && ((patch.role !== undefined && patch.role !== "admin") || patch.disabled === true);
  const refusal =
    principal.kind === "user" && principal.id === id && losesAdmin
      ? "You cannot demote or disable your own account."
      : losesAdmin && (await db.user.count({ where: { role: "admin", disabled: false, id: { not: id } } })) === 0
        ? "The last enabled admin cannot be demoted or disabled."
        : null;
  if (refusal) {
    await audit(db, { actor: principal, action: "user.update", target: `user:${user.email}`, result: "conflict", detail: { ...patch } });
    throw new ApiError(409, "lockout", refusal);
  }
  const updated = await db.user.update({ where: { id }, data: patch, select });
  if (patch.disabled) await db.session.deleteMany({ where: { userId: id } });
  const before = { role: user.role, disabled: user.disabled };
  await audit(db, {
    actor: principal,
    action: "user.update",
    target: `user:${user.email}`,
    result: "ok",
    detail: { before, after: { role: updated.role, disabled: updated.disabled } },
  });
  return toView(updated);
}

/** User administration for the API routes. */
export class UserAdmin {
  constructor(private readonly deps: UserAdminDeps) {}

  /** Every user, oldest first. */
  list(): Promise<UserView[]> {
    return listUsers(this.deps);
  }

  /** Creates a user (see addUser). */
  add(principal: Principal, input: z.output<typeof userCreateSchema>): Promise<CreatedUser> {
    return addUser(this.deps, principal, input);
  }

  /** Changes a user's role or disabled flag (see updateUser). */
  update(principal: Principal, id: string, patch: z.output<typeof userPatchSchema>): Promise<UserView> {
    return updateUser(this.deps, principal, id, patch);
  }
}
