// Public API of the Swarm Medic client library (Node 20+, no dependencies): events in, commands out.
export { SwarmMedicClient, DeliveryError, QueueFullError, MAX_EVENTS_PER_REQUEST, MAX_REQUEST_BYTES } from "./client.js";
export type { SwarmMedicClientOptions, ClientStats, DeliveryFailure } from "./client.js";
export { CommandLoop } from "./commands.js";
export type { CommandLoopOptions } from "./commands.js";
export { createWebhookHandler, verifySignature, signBody, SIGNATURE_HEADER, MAX_WEBHOOK_BYTES } from "./webhook.js";
export type { WebhookHandlerOptions } from "./webhook.js";
export { HttpError } from "./http.js";
export type {
  SwarmEvent,
  IngestFieldError,
  Command,
  CommandKind,
  CommandResult,
  CommandHandler,
  BackoffOptions,
  FetchLike,
} from "./types.js";
