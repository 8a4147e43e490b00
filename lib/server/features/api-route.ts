// The route wrapper of lib/server/http/route.ts bound to the installed services: handlers get `ctx.services`, the
// caller checked through access control, and `ctx.swarm` on /swarms/[swarm]/… routes.
import { json, routeWrapper } from "../http/route";
import { services } from "./services";

/** JSON response helper with a status. */
export { json };

/** Wraps a route handler: `export const GET = apiRoute({ role: "viewer" }, async ({ services }) => data)`. */
export const apiRoute = routeWrapper(() => {
  const s = services();
  const { authenticate, recordDenial, verifyIngestKey, findSwarm } = s.access;
  return { services: s, authenticate, recordDenial, verifyIngestKey, findSwarm };
});
