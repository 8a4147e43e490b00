// /api/v1/users/{id} — changes a user's role or disables them (admin; 409 against locking admins out).
import { z } from "zod";
import { apiRoute } from "@/lib/server/features/api-route";
import { userPatchSchema } from "@/lib/server/features/users/user-admin";

export const dynamic = "force-dynamic";
const params = z.object({ id: z.string().min(1).max(100) });

/** Sets `role` and/or `disabled`. */
export const PATCH = apiRoute({ role: "admin", params, body: userPatchSchema }, ({ services, principal, params, body }) =>
  services.users.update(principal, params.id, body),
);
