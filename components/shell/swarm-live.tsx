"use client";
// Keeps the browser subscribed to one swarm's room while any of its screens is open.
import { useSwarmSubscriptions } from "@/lib/browser/api/live-socket";

/** Subscribes to the swarm's live channel; renders nothing. */
export function SwarmLive({ swarm }: { swarm: string }) {
  useSwarmSubscriptions([swarm]);
  return null;
}
