// /api/v1/audit — who did what to what, with which result (admin), newest first and cursor-paged.
import { apiRoute } from "@/lib/server/http/route";
import { auditQuery, listAudit } from "@/lib/server/features/audit/list-audit";

export const dynamic = "force-dynamic";

/** Audit entries filtered by swarm, actor, action and time. */
export const GET = apiRoute({ role: "admin", query: auditQuery }, ({ rt, query }) => listAudit(rt.db, query, Date.now()));
