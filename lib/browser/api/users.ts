"use client";
// Users and roles: list, create (a generated password is in the answer only), change role or disabled flag.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatedUser, NewUser, UserPatch, UserView } from "@/lib/contract/items/users";
import { apiFetch, apiSend } from "./api-fetch";

export type { NewUser, UserView };

/** Query key of the user list. */
export const userKeys = { list: () => ["users"] as const };

/** Every user. */
export function useUsers(enabled = true) {
  return useQuery({ queryKey: userKeys.list(), queryFn: () => apiFetch<UserView[]>("/api/v1/users"), enabled });
}

/** Creates a user; `password` is in the answer when it was generated. */
export function useCreateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (user: NewUser) => apiSend<CreatedUser>("POST", "/api/v1/users", user),
    onSuccess: () => client.invalidateQueries({ queryKey: userKeys.list() }),
  });
}

/** Changes a user's role or disabled flag; the cached row takes the answer. */
export function useUpdateUser() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...patch }: UserPatch & { id: string }) => apiSend<UserView>("PATCH", `/api/v1/users/${encodeURIComponent(id)}`, patch),
    onSuccess: (user) => client.setQueryData<UserView[]>(userKeys.list(), (list) => list?.map((u) => (u.id === user.id ? user : u))),
  });
}
