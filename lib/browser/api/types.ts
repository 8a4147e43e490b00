// Browser-side types of the API's items (the same builders shape the HTTP API and the live channel).
import type { bottleneckItem, commandItem, failureItem, healingItem, incidentItem, predictionItem } from "@/lib/server/features/items/items";
import type { ServerToClientEvents } from "@/lib/contract/socket";

/** A bottleneck as listed and pushed. */
export type BottleneckItem = ReturnType<typeof bottleneckItem>;
/** A prediction as listed and pushed. */
export type PredictionItem = ReturnType<typeof predictionItem>;
/** A healing with its commands. */
export type HealingItem = ReturnType<typeof healingItem>;
/** A coordinator command. */
export type CommandItem = ReturnType<typeof commandItem>;
/** A detected failure. */
export type FailureItem = ReturnType<typeof failureItem>;
/** A fault and how it is handled now. */
export type IncidentItem = ReturnType<typeof incidentItem>;
/** A cursor page of items. */
export type Page<T> = { items: T[]; next_cursor: string | null };

/** One message of the live channel, as the cache patcher receives it. */
export type LiveMessage = { [K in keyof ServerToClientEvents]: { name: K; payload: Parameters<ServerToClientEvents[K]>[0] } }[keyof ServerToClientEvents];
