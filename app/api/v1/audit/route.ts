// /api/v1/audit — who did what to what, with which result (admin), newest first and cursor-paged.
import { apiRoute } from "@/lib/server/features/api-route";
import { auditQuery } from "@/lib/server/features/audit/list-audit";

export const dynamic = "force-dynamic";

/** Audit entries filtered by swarm, actor, action and time. */
export const GET = apiRoute({ role: "admin", query: auditQuery }, ({ services, query }) => services.audit.list(query, Date.now()));
