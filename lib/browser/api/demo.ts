"use client";
// The demo swarm's controls: its scenarios and faults in effect, and injecting a fault (admin).
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import type { DemoFault, DemoState } from "@/lib/contract/items/demo";
import { keys } from "./keys";

/** The demo's state, refreshed every few seconds while shown (faults wear off on their own). */
export function useDemo() {
  return useQuery({ queryKey: keys.demo(), queryFn: () => apiFetch<DemoState>("/api/v1/demo"), refetchInterval: 5_000 });
}

/** Injects a fault scenario into the demo swarm. */
export function useInjectFault() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { scenario: string; duration_s: number }) =>
      apiFetch<DemoFault>("/api/v1/demo/faults", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.demo() }),
  });
}
