// GET /api/v1/commands?wait=25 — a coordinator (ingest key) claims its swarm's due commands, long-polling up to `wait` s.
import { apiRoute } from "@/lib/api/route";
import { pollCommands, pollQuery } from "@/lib/commands/coordinator-api";

export const dynamic = "force-dynamic";

/** Claims commands. */
export const GET = apiRoute({ role: "ingest", query: pollQuery }, ({ rt, ingest, query, req }) => pollCommands(rt, ingest!, query, req.signal));
