// Browser-side types of the API's items: the contract's (the same shapes in the HTTP API and the live channel).
import type { ServerToClientEvents } from "@/lib/contract/socket";

export type { BottleneckItem } from "@/lib/contract/items/bottlenecks";
export type { PredictionItem } from "@/lib/contract/items/predictions";
export type { CommandItem, HealingItem } from "@/lib/contract/items/healings";
export type { FailureItem } from "@/lib/contract/items/failures";
export type { IncidentItem } from "@/lib/contract/items/incidents";
export type { Page } from "@/lib/contract/items/page";

/** One message of the live channel, as the cache patcher receives it. */
export type LiveMessage = {
  [K in keyof ServerToClientEvents]: { name: K; payload: Parameters<ServerToClientEvents[K]>[0] };
}[keyof ServerToClientEvents];
