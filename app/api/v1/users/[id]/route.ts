// /api/v1/users/{id} — changes a user's role or disables them (admin; 409 against locking admins out).
import { z } from "zod";
import { apiRoute } from "@/lib/server/http/route";
import { updateUser, userPatchSchema } from "@/lib/server/features/users/user-admin";

export const dynamic = "force-dynamic";
const params = z.object({ id: z.string().min(1).max(100) });

/** Sets `role` and/or `disabled`. */
export const PATCH = apiRoute({ role: "admin", params, body: userPatchSchema }, ({ rt, principal, params, body }) => updateUser(rt, principal, params.id, body));
