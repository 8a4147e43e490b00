"use client";
// Agent queries: the table (polled: per-agent figures are not pushed), one agent's detail and its recent events.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { keys } from "./keys";
import type { AgentDetail, AgentList } from "@/lib/contract/items/agents";
import type { Page } from "@/lib/contract/items/page";

/** A stored event as sent, plus received_at. */
export type StoredEvent = {
  id?: string;
  type: string;
  timestamp: string | number;
  task_id?: string;
  duration_ms?: number;
  result?: string;
  received_at: string;
} & Record<string, unknown>;

const base = (swarm: string) => `/api/v1/swarms/${encodeURIComponent(swarm)}/agents`;

/** The agent table, refreshed every 3 s while shown (the previous rows stay while a refresh loads). */
export function useAgents(swarm: string) {
  return useQuery({
    queryKey: keys.agents(swarm),
    queryFn: () => apiFetch<AgentList>(base(swarm)),
    refetchInterval: 3_000,
    placeholderData: keepPreviousData,
  });
}

/** One agent's live row, failures and healings. */
export function useAgent(swarm: string, agent: string) {
  return useQuery({
    queryKey: keys.agent(swarm, agent),
    queryFn: () => apiFetch<AgentDetail>(`${base(swarm)}/${encodeURIComponent(agent)}`),
    refetchInterval: 5_000,
  });
}

/** The agent's 50 most recent events. */
export function useAgentEvents(swarm: string, agent: string) {
  return useQuery({
    queryKey: keys.agentEvents(swarm, agent),
    queryFn: () =>
      apiFetch<Page<StoredEvent>>(`/api/v1/swarms/${encodeURIComponent(swarm)}/events?agent_id=${encodeURIComponent(agent)}&limit=50`),
    refetchInterval: 5_000,
  });
}
