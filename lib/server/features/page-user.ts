// Page-level authentication for server components: the signed-in user, or a redirect to /sign-in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import type { Principal } from "../auth/principal";
import { services } from "./services";

/** One session lookup per request, shared by a layout and its page. */
const currentPrincipal = cache(async () => services().access.authenticate(await headers()));

/** The signed-in user of this page request; redirects to /sign-in (with `next`) otherwise. */
export async function requirePageUser(nextPath: string): Promise<Principal> {
  const principal = await currentPrincipal();
  if (!principal) redirect(`/sign-in?next=${encodeURIComponent(nextPath)}`);
  return principal;
}

/** How a principal is named in the header. */
export function principalLabel(p: Principal): string {
  return p.kind === "user" ? p.email : (p.name ?? "token");
}
