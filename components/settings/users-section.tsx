"use client";
// Users and roles: create (a generated password shown once), change role, disable / enable.
import { type FormEvent, useState } from "react";
import { type NewUser, type UserView, useCreateUser, useUpdateUser, useUsers } from "@/lib/browser/api/users";
import { CopyOnce } from "./copy-once";
import { Field, fieldErrors, inputClass, SaveBar, SectionCard, secondaryButton } from "./form-controls";

const ROLES: UserView["role"][] = ["viewer", "operator", "admin"];

/** User list and create form. */
export function UsersSection({ me }: { me: string }) {
  const users = useUsers();
  const create = useCreateUser();
  const [draft, setDraft] = useState<NewUser>({ email: "", role: "viewer", name: "", password: "" });
  const [generated, setGenerated] = useState<{ email: string; password: string } | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: NewUser = { email: draft.email.trim(), role: draft.role, ...(draft.name?.trim() ? { name: draft.name.trim() } : {}), ...(draft.password ? { password: draft.password } : {}) };
    create.mutate(body, {
      onSuccess: (u) => {
        setGenerated(u.password ? { email: u.email, password: u.password } : null);
        setDraft({ email: "", role: "viewer", name: "", password: "" });
      },
    });
  };
  const set = (k: keyof NewUser) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <SectionCard id="users" title="Users and roles" description="Viewers read, operators also approve, reject and heal, admins change everything here. You cannot demote or disable yourself.">
      <div className="flex flex-col gap-4">
        <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-5 sm:items-end">
          <Field id="user-email" label="Email" errors={fieldErrors(create.error, "email")}>
            <input id="user-email" type="email" className={inputClass} value={draft.email} onChange={set("email")} required />
          </Field>
          <Field id="user-name" label="Name (optional)" errors={fieldErrors(create.error, "name")}>
            <input id="user-name" className={inputClass} value={draft.name} onChange={set("name")} />
          </Field>
          <Field id="user-role" label="Role" errors={fieldErrors(create.error, "role")}>
            <select id="user-role" className={inputClass} value={draft.role} onChange={set("role")}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          </Field>
          <Field id="user-password" label="Password (optional)" errors={fieldErrors(create.error, "password")}>
            <input id="user-password" type="password" autoComplete="new-password" className={inputClass} value={draft.password} onChange={set("password")} placeholder="generated if empty" />
          </Field>
          <SaveBar label="Create user" state={{ ...create, isSuccess: false }} testId="create-user" />
        </form>
        {generated && <CopyOnce label={`Password for ${generated.email}`} value={generated.password} testId="new-password" onDismiss={() => setGenerated(null)} />}
        {users.isPending ? (
          <div className="h-16 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" aria-busy="true" aria-label="Loading users" />
        ) : users.error ? (
          <div role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            Could not load users: {users.error.message}{" "}
            <button type="button" className={secondaryButton} onClick={() => void users.refetch()}>
              Retry
            </button>
          </div>
        ) : (
          <table className="w-full text-left text-sm" aria-label="Users">
            <thead className="text-xs uppercase tracking-wide text-slate-500 dark:text-slate-400">
              <tr>
                <th scope="col" className="py-2 pr-3 font-medium">Email</th>
                <th scope="col" className="py-2 pr-3 font-medium">Name</th>
                <th scope="col" className="py-2 pr-3 font-medium">Role</th>
                <th scope="col" className="py-2 font-medium">Access</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-200 dark:divide-slate-800">
              {users.data.map((u) => (
                <UserRow key={u.id} user={u} self={u.email === me} />
              ))}
            </tbody>
          </table>
        )}
      </div>
    </SectionCard>
  );
}

/** One user: role select and disable/enable, each saved at once. */
function UserRow({ user, self }: { user: UserView; self: boolean }) {
  const update = useUpdateUser();
  return (
    <tr data-testid={`user-row-${user.email}`} className={user.disabled ? "opacity-60" : undefined}>
      <td className="py-2 pr-3">
        {user.email}
        {self && <span className="ml-2 text-xs text-slate-500">(you)</span>}
      </td>
      <td className="py-2 pr-3">{user.name}</td>
      <td className="py-2 pr-3">
        <select aria-label={`Role of ${user.email}`} className={inputClass} value={user.role} disabled={self || update.isPending} onChange={(e) => update.mutate({ id: user.id, role: e.target.value as UserView["role"] })}>
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </select>
      </td>
      <td className="py-2">
        <span className="flex items-center gap-2">
          <span className="text-xs">{user.disabled ? "disabled" : "enabled"}</span>
          {!self && (
            <button type="button" className={secondaryButton} disabled={update.isPending} onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}>
              {user.disabled ? "Enable" : "Disable"}
            </button>
          )}
          <span role="status" className="text-xs">
            {update.isPending ? "Saving…" : update.error ? <span className="text-rose-600 dark:text-rose-400">{update.error.message}</span> : update.isSuccess ? <span className="text-emerald-600 dark:text-emerald-400">Saved</span> : null}
          </span>
        </span>
      </td>
    </tr>
  );
}
