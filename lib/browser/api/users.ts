"use client";
// Users and roles: list, create (a generated password is in the answer only), change role or disabled flag.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatedUser, NewUser, UserPatch, UserView } from "@/lib/contract/items/users";
import { apiFetch, apiSend } from "./api-fetch";
import { keys } from "./keys";

export type { NewUser, UserView };

/** Every user. */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: keys.users(), queryFn: () => apiFetch<UserView[]>("/api/v1/users"), enabled });
}

/** Creates a user; `password` is in the answer when it was generated. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => apiSend<CreatedUser>("POST", "/api/v1/users", user),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.users() }),
  });
}

/** Changes a user's role or disabled flag; the cached row takes the answer. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UserPatch & { id: string }) =>
      apiSend<UserView>("PATCH", `/api/v1/users/${encodeURIComponent(id)}`, patch),
    onSuccess: (user) => client.setQueryData<UserView[]>(keys.users(), (list) => list?.map((u) => (u.id === user.id ? user : u))),
  });
}
