"use client";
// Healing proposals: the open ones (patched live, decided ones stay with who decided) and the approve / reject
// mutation, whose 409 says who decided first.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { ApiFetchError, apiFetch } from "./api-fetch";
import { patchProposals } from "./cache-patches";
import { keys } from "./keys";
import type { Page, PredictionItem } from "./types";

/** Open healing proposals of the swarm, newest first. */
export function useOpenProposals(swarm: string) {
  return useQuery({
    queryKey: keys.proposals(swarm),
    queryFn: async () =>
      (await apiFetch<Page<PredictionItem>>(`/api/v1/swarms/${encodeURIComponent(swarm)}/predictions?status=open&limit=50`)).items,
    staleTime: Infinity,
  });
}

/** A decision on one proposal; an approval carries the action hash of the proposal as shown (docs/reliability.md#s3). */
export type Decision = { id: string; decision: "approve" | "reject"; reason?: string | undefined; actionHash?: string | undefined };

/** The operator's message for a refused decision: who decided first on a 409, else the API's detail. */
export function decisionError(err: unknown): string {
  if (err instanceof ApiFetchError && err.status === 409) {
    if (/it is expired/.test(err.message)) return "This proposal expired before anyone decided.";
    if (/action differs/.test(err.message)) return "This proposal changed since it was shown; review it again.";
    const by = /decided by ([^)]+)\)/.exec(err.message)?.[1];
    return by ? `Already decided by ${by}.` : err.message;
  }
  if (err instanceof ApiFetchError && err.status === 403)
    return /second approval/.test(err.message)
      ? "You already approved it: a second operator must approve."
      : "Your role may not decide proposals.";
  return err instanceof Error ? err.message : "The decision failed.";
}

/** Approves or rejects a proposal; the updated prediction replaces it in the cache. */
export function useDecideProposal(swarm: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason, actionHash }: Decision) =>
      apiFetch<PredictionItem>(`/api/v1/predictions/${encodeURIComponent(id)}/${decision}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...(reason ? { reason } : {}), ...(decision === "approve" ? { action_hash: actionHash } : {}) }),
      }),
    onSuccess: (p) => client.setQueryData<PredictionItem[]>(keys.proposals(swarm), (l) => patchProposals(l, p)),
  });
}
