// First start: when there is no user yet, create an admin and return the credentials to print once.
import type { Auth } from "../../auth/auth";
import { createUser } from "./users";
import type { Db } from "../../db/prisma";

/** Email of the admin created on first start. */
export const FIRST_ADMIN_EMAIL = "admin@swarm-medic.local";

/** Creates the first admin when the users table is empty; returns its credentials, or null. */
export async function ensureFirstAdmin(db: Db, auth: Auth): Promise<{ email: string; password: string } | null> {
  if ((await db.user.count()) > 0) return null;
  try {
    const u = await createUser(auth, { email: FIRST_ADMIN_EMAIL, role: "admin", name: "Admin" });
    return { email: u.email, password: u.password };
  } catch {
    return null; // another instance created it at the same moment
  }
}
