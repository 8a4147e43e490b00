// The feature services the API routes and pages use, composed once by lib/server/app/create-services.ts and handed
// over to the Next.js route handlers and pages (bundled apart from server.ts, in the same process) through a
// process-wide slot.
import { processSlot } from "../platform/process-slot";
import type { AccessControl } from "./access/access-control";
import type { AgentViews } from "./agents/agents";
import type { SwarmAnalytics } from "./analytics/swarm-analytics";
import type { AuditTrail } from "./audit/list-audit";
import type { DemoApi } from "./demo/demo-api";
import type { EventLog } from "./events/list-events";
import type { HealingDecisions } from "./healings/decide-healing";
import type { HealthCheck } from "./health/health";
import type { IngestKeyAdmin } from "./keys/ingest-key-admin";
import type { ProposalDecisions } from "./predictions/decide-proposal";
import type { SettingsService } from "./settings/settings-api";
import type { SwarmOverview } from "./swarms/list-swarms";
import type { SwarmEngineReads } from "./swarms/swarm-engine-reads";
import type { SwarmHistory } from "./swarms/swarm-lists";
import type { UserAdmin } from "./users/user-admin";
import type { WebhookSettings } from "./webhooks/webhook-settings";

/** Every feature service a route handler or page may use. */
export type Services = {
  access: AccessControl;
  agents: AgentViews;
  analytics: SwarmAnalytics;
  audit: AuditTrail;
  demo: DemoApi;
  /** The engine's learned patterns and performance window of a swarm, from the swarm's engine owner. */
  engine: SwarmEngineReads;
  events: EventLog;
  health: HealthCheck;
  healingDecisions: HealingDecisions;
  history: SwarmHistory;
  keys: IngestKeyAdmin;
  proposalDecisions: ProposalDecisions;
  settings: SettingsService;
  swarms: SwarmOverview;
  users: UserAdmin;
  webhooks: WebhookSettings;
};

const slot = processSlot<Services>(
  "swarm-medic.services",
  "Swarm Medic services are not installed: start the app with `npm start` (server.ts).",
);

/** Installs the composed services for this process (server.ts, bench server, integration-test harness); undefined clears. */
export const installServices = slot.install;

/** The installed services; throws when the server has not composed them (e.g. `next dev` without server.ts). */
export const services = slot.get;
