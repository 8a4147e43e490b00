"use client";
// A swarm's ingest keys: list, create (the key is in the mutation's answer only), revoke.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { CreatedIngestKey, IngestKeyView } from "@/lib/contract/items/ingest-keys";
import { apiFetch, apiSend } from "./api-fetch";
import { keys } from "./keys";

export type { IngestKeyView };

const url = (swarm: string) => `/api/v1/swarms/${encodeURIComponent(swarm)}/keys`;

/** The swarm's keys, newest first. */
export function useIngestKeys(swarm: string, enabled = true) {
  return useQuery({ queryKey: keys.ingestKeys(swarm), queryFn: () => apiFetch<IngestKeyView[]>(url(swarm)), enabled });
}

/** Creates a key; the answer carries `key`, shown once. */
export function useCreateIngestKey(swarm: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (name: string | undefined) => apiSend<CreatedIngestKey>("POST", url(swarm), name ? { name } : {}),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.ingestKeys(swarm) }),
  });
}

/** Revokes a key. */
export function useRevokeIngestKey(swarm: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => apiSend<IngestKeyView>("DELETE", `${url(swarm)}/${id}`),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.ingestKeys(swarm) }),
  });
}
