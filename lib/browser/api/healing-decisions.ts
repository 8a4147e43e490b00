"use client";
// Approve / reject of a healing waiting for approval (a detected failure under policy "approve"); the updated healing
// replaces it in the recent-healings cache.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { patchHealings } from "./cache-patches";
import { keys } from "./keys";
import type { Decision } from "./proposals";
import type { HealingItem } from "./types";

/** Approves or rejects a pending healing; an approval carries the action hash of the healing as shown (docs/reliability.md#s3). */
export function useDecideHealing(swarm: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, decision, reason, actionHash }: Decision) =>
      apiFetch<HealingItem>(`/api/v1/healings/${encodeURIComponent(id)}/${decision}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ ...(reason ? { reason } : {}), ...(decision === "approve" ? { action_hash: actionHash } : {}) }),
      }),
    onSuccess: (h) => client.setQueryData<HealingItem[]>(keys.healings(swarm), (l) => patchHealings(l, h)),
  });
}
