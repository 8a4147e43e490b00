// Page-level authentication for server components: the signed-in user, or a redirect to /sign-in.
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { getRuntime } from "../runtime";
import { authenticate, type Principal } from "./principal";

/** The signed-in user of this page request; redirects to /sign-in (with `next`) otherwise. */
export async function requirePageUser(nextPath: string): Promise<Principal> {
  const principal = await authenticate(getRuntime(), await headers());
  if (!principal) redirect(`/sign-in?next=${encodeURIComponent(nextPath)}`);
  return principal;
}
