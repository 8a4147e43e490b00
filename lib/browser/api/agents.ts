"use client";
// Agent queries: the table (polled: per-agent figures are not pushed), one agent's detail and its recent events.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "./api-fetch";
import { keys } from "./keys";
import type { FailureItem, HealingItem, Page } from "./types";

/** One row of GET /swarms/{swarm}/agents. */
export type AgentRow = {
  id: string;
  /** "down": found down by its silence (see `silence`). */
  state: "active" | "idle" | "busy" | "failed" | "down";
  health_state: string | null;
  health_score: number;
  current_tasks: number;
  tasks: number;
  success_rate: number | null;
  p95_duration_ms: number | null;
  last_seen_at: string | null;
  last_heartbeat_at: string | null;
  heartbeat_age_ms: number | null;
  circuit_state: "closed" | "open" | "half_open" | null;
  /** Why the agent is down by its silence, or null when it is not. */
  silence: AgentSilence | null;
};

/** An agent found down by its silence (docs/decisions.md#d30): silent for `silent_for_ms`, expected every `expected_every_ms`. */
export type AgentSilence = { silent_for_ms: number; expected_every_ms: number; silent_intervals: number; last_heard_at: string | null; detected_at: string | null };

/** The swarm's degradation level (null when the strategy is not configured). */
export type Degradation = { level: number; name: string } | null;

/** GET /swarms/{swarm}/agents. */
export type AgentList = { items: AgentRow[]; degradation: Degradation; generated_at: string };

/** GET /swarms/{swarm}/agents/{agent}. */
export type AgentDetail = { agent: AgentRow | null; degradation: Degradation; failures: FailureItem[]; healings: HealingItem[] };

/** A stored event as sent, plus received_at. */
export type StoredEvent = { id?: string; type: string; timestamp: string | number; task_id?: string; duration_ms?: number; result?: string; received_at: string } & Record<string, unknown>;

const base = (swarm: string) => `/api/v1/swarms/${encodeURIComponent(swarm)}/agents`;

/** The agent table, refreshed every 3 s while shown (the previous rows stay while a refresh loads). */
export function useAgents(swarm: string) {
  return useQuery({ queryKey: keys.agents(swarm), queryFn: () => apiFetch<AgentList>(base(swarm)), refetchInterval: 3_000, placeholderData: keepPreviousData });
}

/** One agent's live row, failures and healings. */
export function useAgent(swarm: string, agent: string) {
  return useQuery({ queryKey: keys.agent(swarm, agent), queryFn: () => apiFetch<AgentDetail>(`${base(swarm)}/${encodeURIComponent(agent)}`), refetchInterval: 5_000 });
}

/** The agent's 50 most recent events. */
export function useAgentEvents(swarm: string, agent: string) {
  return useQuery({
    queryKey: keys.agentEvents(swarm, agent),
    queryFn: () => apiFetch<Page<StoredEvent>>(`/api/v1/swarms/${encodeURIComponent(swarm)}/events?agent_id=${encodeURIComponent(agent)}&limit=50`),
    refetchInterval: 5_000,
  });
}
