"use client";
// A swarm's healing settings and webhook: queries and the mutations that save them (the cache takes the answer).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { SettingsView, SwarmSettings, WebhookView } from "@/lib/contract/items/settings";
import { apiFetch, apiSend } from "./api-fetch";
import { keys } from "./keys";

export type { SettingsView, SwarmSettings, WebhookView };

const base = (swarm: string) => `/api/v1/swarms/${encodeURIComponent(swarm)}`;

/** The swarm's settings with defaults, strategies and failure types. */
export function useSwarmSettings(swarm: string) {
  return useQuery({ queryKey: keys.settings(swarm), queryFn: () => apiFetch<SettingsView>(`${base(swarm)}/settings`) });
}

/** Saves the full settings (PUT); on success the cache holds the stored, filled settings. */
export function useSaveSettings(swarm: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (settings: SwarmSettings) => apiSend<SettingsView>("PUT", `${base(swarm)}/settings`, settings),
    onSuccess: (view) => client.setQueryData(keys.settings(swarm), view),
  });
}

/** The swarm's webhook URL (never its secret). */
export function useWebhook(swarm: string, enabled = true) {
  return useQuery({ queryKey: keys.webhook(swarm), queryFn: () => apiFetch<WebhookView>(`${base(swarm)}/webhook`), enabled });
}

/** Sets (url + secret) or, with null, removes the webhook. */
export function useSaveWebhook(swarm: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (webhook: { url: string; secret: string } | null) =>
      webhook ? apiSend<WebhookView>("PUT", `${base(swarm)}/webhook`, webhook) : apiSend<WebhookView>("DELETE", `${base(swarm)}/webhook`),
    onSuccess: (view) => client.setQueryData(keys.webhook(swarm), view),
  });
}
