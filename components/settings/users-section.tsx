"use client";
// Users and roles: create (a generated password shown once), change role, disable / enable.
import { type FormEvent, useState } from "react";
import { type NewUser, type UserView, useCreateUser, useUpdateUser, useUsers } from "@/lib/browser/api/users";
import { CopyOnce } from "./copy-once";
import { Button } from "@/components/ui/button";
import { Input, Select } from "@/components/ui/input";
import { Cell, HeaderCell, Table, TableBody, TableHead, TableRow } from "@/components/ui/table";
import { Field, fieldErrors, SaveBar, SectionCard } from "./form-controls";

const ROLES: UserView["role"][] = ["viewer", "operator", "admin"];

/** User list and create form. */
export function UsersSection({ me }: { me: string }) {
  const users = useUsers();
  const create = useCreateUser();
  const [draft, setDraft] = useState<NewUser>({ email: "", role: "viewer", name: "", password: "" });
  const [generated, setGenerated] = useState<{ email: string; password: string } | null>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const body: NewUser = {
      email: draft.email.trim(),
      role: draft.role,
      ...(draft.name?.trim() ? { name: draft.name.trim() } : {}),
      ...(draft.password ? { password: draft.password } : {}),
    };
    create.mutate(body, {
      onSuccess: (u) => {
        setGenerated(u.password ? { email: u.email, password: u.password } : null);
        setDraft({ email: "", role: "viewer", name: "", password: "" });
      },
    });
  };
  const set = (k: keyof NewUser) => (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <SectionCard
      id="users"
      title="Users and roles"
      description="Viewers read, operators also approve, reject and heal, admins change everything here. You cannot demote or disable yourself."
    >
      <div className="flex flex-col gap-4">
        <form onSubmit={onSubmit} noValidate className="grid gap-3 sm:grid-cols-5 sm:items-end">
          <Field id="user-email" label="Email" errors={fieldErrors(create.error, "email")}>
            <Input id="user-email" type="email" size="roomy" value={draft.email} onChange={set("email")} required />
          </Field>
          <Field id="user-name" label="Name (optional)" errors={fieldErrors(create.error, "name")}>
            <Input id="user-name" size="roomy" value={draft.name} onChange={set("name")} />
          </Field>
          <Field id="user-role" label="Role" errors={fieldErrors(create.error, "role")}>
            <Select id="user-role" size="roomy" value={draft.role} onChange={set("role")}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </Select>
          </Field>
          <Field id="user-password" label="Password (optional)" errors={fieldErrors(create.error, "password")}>
            <Input
              id="user-password"
              type="password"
              autoComplete="new-password"
              size="roomy"
              value={draft.password}
              onChange={set("password")}
              placeholder="generated if empty"
            />
          </Field>
          <SaveBar label="Create user" state={{ ...create, isSuccess: false }} testId="create-user" />
        </form>
        {generated && (
          <CopyOnce
            label={`Password for ${generated.email}`}
            value={generated.password}
            testId="new-password"
            onDismiss={() => setGenerated(null)}
          />
        )}
        {users.isPending ? (
          <div className="h-16 animate-pulse rounded-md bg-slate-200 dark:bg-slate-800" aria-busy="true" aria-label="Loading users" />
        ) : users.error ? (
          <div role="alert" className="text-sm text-rose-600 dark:text-rose-400">
            Could not load users: {users.error.message}{" "}
            <Button variant="secondary" size="sm" onClick={() => void users.refetch()}>
              Retry
            </Button>
          </div>
        ) : (
          <Table look="plain" label="Users">
            <TableHead>
              <HeaderCell>Email</HeaderCell>
              <HeaderCell>Name</HeaderCell>
              <HeaderCell>Role</HeaderCell>
              <HeaderCell>Access</HeaderCell>
            </TableHead>
            <TableBody>
              {users.data.map((u) => (
                <UserRow key={u.id} user={u} self={u.email === me} />
              ))}
            </TableBody>
          </Table>
        )}
      </div>
    </SectionCard>
  );
}

/** One user: role select and disable/enable, each saved at once. */
function UserRow({ user, self }: { user: UserView; self: boolean }) {
  const update = useUpdateUser();
  return (
    <TableRow data-testid={`user-row-${user.email}`} className={user.disabled ? "opacity-60" : undefined}>
      <Cell>
        {user.email}
        {self && <span className="ml-2 text-xs text-slate-500">(you)</span>}
      </Cell>
      <Cell>{user.name}</Cell>
      <Cell>
        <Select
          aria-label={`Role of ${user.email}`}
          size="roomy"
          value={user.role}
          disabled={self || update.isPending}
          onChange={(e) => update.mutate({ id: user.id, role: e.target.value as UserView["role"] })}
        >
          {ROLES.map((r) => (
            <option key={r}>{r}</option>
          ))}
        </Select>
      </Cell>
      <Cell>
        <span className="flex items-center gap-2">
          <span className="text-xs">{user.disabled ? "disabled" : "enabled"}</span>
          {!self && (
            <Button
              variant="secondary"
              size="sm"
              disabled={update.isPending}
              onClick={() => update.mutate({ id: user.id, disabled: !user.disabled })}
            >
              {user.disabled ? "Enable" : "Disable"}
            </Button>
          )}
          <span role="status" className="text-xs">
            {update.isPending ? (
              "Saving…"
            ) : update.error ? (
              <span className="text-rose-600 dark:text-rose-400">{update.error.message}</span>
            ) : update.isSuccess ? (
              <span className="text-emerald-600 dark:text-emerald-400">Saved</span>
            ) : null}
          </span>
        </span>
      </Cell>
    </TableRow>
  );
}
